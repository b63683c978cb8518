package dev.lectern.server.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends an upload over a bare socket, a piece at a time, and stops as soon as the server answers: a way to see that
 * the server refuses a body without reading all of it, which an ordinary client (sending everything first) hides.
 */
final class RawUpload {

    /**
     * What came back.
     *
     * @param statusLine the response's first line
     * @param body the rest of the response after the headers
     * @param sentBytes how many body bytes had been sent when the answer came
     */
    record Answer(String statusLine, String body, long sentBytes) {}

    private static final String PART_HEAD = "--" + UploadClient.BOUNDARY + "\r\nContent-Disposition: form-data; "
            + "name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n";

    private RawUpload() {}

    /** Declares {@code length} bytes, sends only the first {@code send}, then reads the answer. */
    static Answer declaringLength(int port, long length, int send) throws IOException {
        try (Socket socket = open(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii(headers("Content-Length: " + length)));
            byte[] head = ascii(PART_HEAD);
            out.write(head);
            out.write(rows(send - head.length));
            out.flush();
            return read(socket.getInputStream(), send);
        }
    }

    /** Sends chunks of {@code chunk} bytes without a declared length until the server answers or {@code max} is sent. */
    static Answer chunked(int port, int chunk, long max) throws IOException, InterruptedException {
        try (Socket socket = open(port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(ascii(headers("Transfer-Encoding: chunked")));
            writeChunk(out, ascii(PART_HEAD));
            byte[] rows = rows(chunk);
            long sent = 0;
            while (in.available() == 0 && sent < max) {
                try {
                    writeChunk(out, rows);
                } catch (IOException closedByServer) {
                    break;
                }
                sent += rows.length;
                Thread.sleep(2);
            }
            return read(in, sent);
        }
    }

    private static Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String headers(String length) {
        return "POST /api/datasets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary="
                + UploadClient.BOUNDARY + "\r\n" + length + "\r\n\r\n";
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write(ascii(Integer.toHexString(data.length) + "\r\n"));
        out.write(data);
        out.write(ascii("\r\n"));
        out.flush();
    }

    private static byte[] rows(int bytes) {
        byte[] out = new byte[Math.max(0, bytes)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) "1,2\n".charAt(i % 4);
        }
        return out;
    }

    private static Answer read(InputStream in, long sent) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                response.write(buffer, 0, n);
                if (response.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
        } catch (IOException resetAfterTheAnswer) {
            // The server closes a connection whose body it did not read; what arrived before that counts.
        }
        String text = response.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n");
        int bodyStart = text.indexOf("\r\n\r\n");
        return new Answer(
                end < 0 ? text : text.substring(0, end), bodyStart < 0 ? "" : text.substring(bodyStart + 4), sent);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
