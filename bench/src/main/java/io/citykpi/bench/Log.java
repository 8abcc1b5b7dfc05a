package io.citykpi.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** One line per step on standard output, with the time of day, as run.sh prints them. */
public final class Log {

    private Log() {
    }

    public static void info(String format, Object... args) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args));
    }
}
