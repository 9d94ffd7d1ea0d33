package io.kontor.platform.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A clock that runs a shift ahead of (or behind) another, the shift read from a file at every reading: the calendar of
 * a whole local platform, which the system tests turn forward to see dunning and other schedules happen, as
 * test-support's MutableClock does inside one service. The file holds an ISO-8601 duration ({@code P45D}); no file, or
 * an empty one, is no shift. Read every time rather than cached: what a test writes is what the next request sees,
 * whatever the file system's timestamp resolution, and a small file costs microseconds next to a request.
 */
public final class ShiftedClock extends Clock {

    private final Clock base;
    private final Path shiftFile;

    public ShiftedClock(Clock base, Path shiftFile) {
        this.base = base;
        this.shiftFile = shiftFile;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(shift());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new ShiftedClock(base.withZone(zone), shiftFile);
    }

    /** The shift the file names now. */
    public Duration shift() {
        String text;
        try {
            text = Files.readString(shiftFile, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Duration.ZERO;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the clock shift from " + shiftFile, e);
        }
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            // Loud: a platform that silently ignored the shift would run its schedules on the wrong day.
            throw new IllegalStateException(
                    shiftFile + " must hold an ISO-8601 duration such as P45D, not '" + text + "'", e);
        }
    }
}
