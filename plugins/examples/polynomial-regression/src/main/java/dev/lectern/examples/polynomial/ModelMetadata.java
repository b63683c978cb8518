package dev.lectern.examples.polynomial;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What a saved model needs besides its weights: the degree and the standardization of each power. Written as JSON with
 * the Jackson this plugin bundles (2.12), not the server's (2.18): the plugin's class loader finds its own copy first.
 *
 * @param format the file format's version, for later changes
 * @param degree the degree d
 * @param feature the name of the input column
 * @param label the name of the predicted column
 * @param mean μ_k of each power x^k, k = 1..d
 * @param std σ_k of each power x^k, k = 1..d
 * @param writtenWith the Jackson version that wrote the file, for the curious
 */
record ModelMetadata(
        int format, int degree, String feature, String label, double[] mean, double[] std, String writtenWith) {

    /** The metadata file's name inside the model directory, beside DJL's parameter file. */
    static final String FILE = "polynomial-regression.json";

    static final int FORMAT = 1;

    /** Configured once and then only read, so one instance is safe to share between threads. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static ModelMetadata of(int degree, String feature, String label, PolynomialFeatures features) {
        return new ModelMetadata(FORMAT, degree, feature, label, features.mean(), features.std(), jacksonVersion());
    }

    /** Returns the scaling this metadata describes. */
    PolynomialFeatures features() {
        return new PolynomialFeatures(mean, std);
    }

    void write(Path directory) throws IOException {
        try (OutputStream out = Files.newOutputStream(directory.resolve(FILE))) {
            MAPPER.writeValue(out, this);
        }
    }

    static ModelMetadata read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        ModelMetadata metadata;
        try (InputStream in = Files.newInputStream(file)) {
            metadata = MAPPER.readValue(in, ModelMetadata.class);
        } catch (NoSuchFileException e) {
            throw new IOException("the saved polynomial-regression model has no " + FILE, e);
        }
        if (metadata.format != FORMAT) {
            throw new IOException(FILE + " has format " + metadata.format + "; this plugin reads format " + FORMAT);
        }
        if (metadata.degree < 1
                || metadata.mean == null
                || metadata.std == null
                || metadata.mean.length != metadata.degree
                || metadata.std.length != metadata.degree) {
            throw new IOException(
                    FILE + " is inconsistent: degree " + metadata.degree + " needs that many means and stds");
        }
        return metadata;
    }

    /** The version of the Jackson this class sees, such as "2.12.7". */
    static String jacksonVersion() {
        return PackageVersion.VERSION.toString();
    }

    /** The minor version of the Jackson this class sees: 12 inside this plugin, whatever the server runs. */
    static int jacksonMinor() {
        return PackageVersion.VERSION.getMinorVersion();
    }
}
