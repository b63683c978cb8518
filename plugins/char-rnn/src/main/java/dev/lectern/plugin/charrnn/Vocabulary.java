package dev.lectern.plugin.charrnn;

import dev.lectern.plugin.api.InvalidParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The characters a model reads and writes, as Unicode code points (so characters outside the Basic Multilingual
 * Plane count as one), in order of first appearance in the text: "hello" gives the lecture's [h, e, l, o]. An
 * uploaded text with more than {@link #MAX_SIZE} distinct characters keeps the {@code MAX_SIZE − 1} most frequent
 * ones and maps every other character to {@link #REPLACEMENT}, so that a one-hot input stays small.
 */
final class Vocabulary {

    /** The most characters a vocabulary holds; one-hot inputs and the output layer grow with it. */
    static final int MAX_SIZE = 256;
    /** Stands for every character that did not make it into a capped vocabulary. */
    static final int REPLACEMENT = 0xFFFD;

    private final int[] codePoints;
    private final Map<Integer, Integer> index = new HashMap<>();
    private final boolean capped;

    private Vocabulary(int[] codePoints, boolean capped) {
        this.codePoints = codePoints;
        this.capped = capped;
        for (int i = 0; i < codePoints.length; i++) {
            index.put(codePoints[i], i);
        }
    }

    /**
     * Collects the characters of a text.
     *
     * @param text the corpus
     * @param maxSize the most characters to keep (at least 2)
     * @return the vocabulary
     */
    static Vocabulary of(String text, int maxSize) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        if (counts.size() <= maxSize) {
            return new Vocabulary(
                    counts.keySet().stream().mapToInt(Integer::intValue).toArray(), false);
        }
        Set<Integer> kept = counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(maxSize - 1L)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<Integer> ordered = new ArrayList<>();
        for (int c : counts.keySet()) {
            if (kept.contains(c)) {
                ordered.add(c);
            }
        }
        if (!ordered.contains(REPLACEMENT)) {
            ordered.add(REPLACEMENT);
        }
        return new Vocabulary(ordered.stream().mapToInt(Integer::intValue).toArray(), true);
    }

    /**
     * Rebuilds a saved vocabulary.
     *
     * @param codePoints the characters in index order
     * @return the vocabulary
     */
    static Vocabulary ofCodePoints(int[] codePoints) {
        if (new LinkedHashSet<>(Arrays.stream(codePoints).boxed().toList()).size() != codePoints.length) {
            throw new IllegalArgumentException("a vocabulary lists every character once");
        }
        boolean capped = codePoints.length > 0 && codePoints[codePoints.length - 1] == REPLACEMENT;
        return new Vocabulary(codePoints.clone(), capped);
    }

    int size() {
        return codePoints.length;
    }

    /** Whether rare characters were folded into {@link #REPLACEMENT}. */
    boolean capped() {
        return capped;
    }

    int[] codePoints() {
        return codePoints.clone();
    }

    String charAt(int i) {
        return new String(Character.toChars(codePoints[i]));
    }

    /** The character as a student should read it in a table: blanks and line ends spelled out. */
    String display(int i) {
        return switch (codePoints[i]) {
            case '\n' -> "\\n";
            case ' ' -> "␣";
            case '\t' -> "\\t";
            default -> charAt(i);
        };
    }

    List<String> displayAll() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codePoints.length; i++) {
            out.add(display(i));
        }
        return out;
    }

    /**
     * Encodes a training text; characters left out of a capped vocabulary become the replacement's index.
     *
     * @param text the text
     * @return one index per code point
     */
    long[] encodeCorpus(String text) {
        Integer fallback = index.get(REPLACEMENT);
        return text.codePoints()
                .mapToLong(c -> {
                    Integer i = index.get(c);
                    if (i == null) {
                        if (fallback == null) {
                            throw new IllegalArgumentException(
                                    "character U+" + Integer.toHexString(c) + " is not in the vocabulary");
                        }
                        return fallback;
                    }
                    return i;
                })
                .toArray();
    }

    /**
     * Encodes a prompt typed by a user, refusing characters the model never saw.
     *
     * @param text the prompt
     * @param field the name of the input field, for the error
     * @return one index per code point
     * @throws InvalidParameterException naming the field and the unknown characters
     */
    int[] encodePrompt(String text, String field) {
        Set<String> unknown = new LinkedHashSet<>();
        int[] out = text.codePoints()
                .map(c -> {
                    Integer i = index.get(c);
                    if (i == null) {
                        unknown.add(new String(Character.toChars(c)));
                        return -1;
                    }
                    return i;
                })
                .toArray();
        if (!unknown.isEmpty()) {
            String shown = unknown.stream().limit(20).map(s -> "'" + s + "'").collect(Collectors.joining(", "));
            throw new InvalidParameterException(
                    field,
                    "Prompt: the model never saw " + shown
                            + (unknown.size() > 20 ? " and " + (unknown.size() - 20) + " more" : "")
                            + "; it knows only the " + size() + " characters of its training text");
        }
        return out;
    }

    String decode(int[] indices) {
        StringBuilder sb = new StringBuilder();
        for (int i : indices) {
            sb.appendCodePoint(codePoints[i]);
        }
        return sb.toString();
    }
}
