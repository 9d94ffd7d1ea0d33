package io.kontor.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text from the API on its way to a terminal, without C0 and C1 control characters: a candidate name or a problem's
 * detail carrying ESC (ANSI colours, cursor moves, OSC 8 links, OSC 52 clipboard writes, a changed window title) or
 * U+009B (a one-character CSI) would otherwise act on the clerk's terminal. Line feed and tab stay, so tables and
 * reports keep their shape; JSON output escapes C0 itself, so only C1 and DEL differ there.
 */
final class TerminalText extends FilterWriter {

    private TerminalText(Writer out) {
        super(out);
    }

    static PrintWriter safe(PrintWriter out) {
        return new PrintWriter(new TerminalText(out), false);
    }

    static String clean(String text) {
        if (text == null || text.chars().allMatch(TerminalText::printable)) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        text.chars().filter(TerminalText::printable).forEach(c -> cleaned.append((char) c));
        return cleaned.toString();
    }

    static boolean printable(int c) {
        return c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f) || c > 0x9f;
    }

    @Override
    public void write(int c) throws IOException {
        if (printable(c)) {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(buffer[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(clean(text.substring(offset, offset + length)));
    }
}
