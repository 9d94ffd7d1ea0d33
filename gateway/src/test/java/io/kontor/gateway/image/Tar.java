package io.kontor.gateway.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar stream (POSIX ustar with PAX long names, as Jib writes image layers and docker-archive tarballs), enough
 * for {@link OfflineImageIT}: each regular file's or directory's name, mode and content.
 */
final class Tar {

    private static final int BLOCK = 512;

    interface Entry {
        void accept(String name, int mode, byte[] content) throws IOException;
    }

    private Tar() {}

    static void read(InputStream in, Entry entries) throws IOException {
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length < BLOCK || isZero(header)) {
                return;
            }
            String name = text(header, 0, 100);
            int mode = (int) octal(header, 100, 8);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String prefix = "ustar".equals(text(header, 257, 5)) ? text(header, 345, 155) : "";
            byte[] content = in.readNBytes((int) size);
            in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
            if (type == 'x') {
                longName = paxPath(content);
                continue;
            }
            if (type == 'g') {
                continue;
            }
            String fullName = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
            longName = null;
            entries.accept(fullName, mode, content);
        }
    }

    // PAX records: "<length> <key>=<value>\\n"; only the path matters here.
    private static String paxPath(byte[] content) {
        for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
