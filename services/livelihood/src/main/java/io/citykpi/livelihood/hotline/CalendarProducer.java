package io.citykpi.livelihood.hotline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The calendar from {@code citykpi.calendar.file}, or the bundled one (2025 and 2026). */
@ApplicationScoped
public class CalendarProducer {

    @ConfigProperty(name = "citykpi.calendar.file")
    Optional<Path> file;

    @Produces
    @ApplicationScoped
    WorkingDayCalendar calendar() {
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : Thread.currentThread().getContextClassLoader().getResourceAsStream("calendar/working-days.json")) {
            if (in == null) {
                throw new IllegalStateException("calendar/working-days.json is missing");
            }
            return WorkingDayCalendar.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
