package dev.lectern.server.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing a person did to a run while it trained, at the step it took effect, as the run's JSON lists it in
 * {@code events}: {@code {"step":340,"kind":"set","name":"learningRate","from":0.01,"to":0.1}}, {@code {"step":12,
 * "kind":"pause"}}, {@code {"step":12,"kind":"step","n":3}}, {@code {"step":15,"kind":"resume"}}.
 *
 * @param step the step: where the run stopped (pause), where the single steps or the resume began, or the first step
 *     that used a new value (set)
 * @param kind pause, step, resume or set
 * @param name the changed parameter (set), else null
 * @param from its value before (set), else null
 * @param to its value after (set), else null
 * @param n the single steps granted (step), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEvent(long step, String kind, String name, Double from, Double to, Long n) {

    static final String PAUSE = "pause";
    static final String STEP = "step";
    static final String RESUME = "resume";
    static final String SET = "set";

    static RunEvent pause(long step) {
        return new RunEvent(step, PAUSE, null, null, null, null);
    }

    static RunEvent step(long step, long n) {
        return new RunEvent(step, STEP, null, null, null, n);
    }

    static RunEvent resume(long step) {
        return new RunEvent(step, RESUME, null, null, null, null);
    }

    static RunEvent set(long step, String name, Object from, Object to) {
        return new RunEvent(step, SET, name, number(from), number(to), null);
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
