package io.citykpi.gateway.query;

import io.citykpi.gateway.ledger.LedgerSignal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens for the ledger's NOTIFY on a connection of its own, so this replica knows at once when the
 * active ledger moved (a batch applied by any replica, a switch-over) or targets changed: remembered
 * answers of older versions are not served again. It also measures freshness where a reader sees it:
 * from when an event was recorded to the first answer on this replica that includes it.
 */
@ApplicationScoped
public class LedgerWatch {

    private static final Logger LOG = Logger.getLogger(LedgerWatch.class);

    private final DataSource dataSource;
    private final LedgerSignal signal;
    private final MeterRegistry registry;
    /** Bumped by every notification; answers remembered under an older value are stale. */
    private final AtomicLong changes = new AtomicLong();
    private final List<LedgerSignal.Change> unseen = new ArrayList<>();
    private volatile boolean listening;
    private volatile boolean running = true;
    private Thread thread;
    private Timer freshness;

    public LedgerWatch(DataSource dataSource, LedgerSignal signal, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.signal = signal;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        freshness = Timer.builder("citykpi.gateway.kpi.freshness")
                .description("From when a service recorded an event (ce_time) to the first KPI answer on this replica "
                        + "that includes it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        thread = new Thread(this::listen, "ledger-watch");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * A token that changes whenever the ledger or the targets may have changed; null while this replica
     * is not listening (then nothing may be remembered).
     */
    public Long token() {
        return listening ? changes.get() : null;
    }

    /** An answer including the active generation's ledger up to this version was given: how fresh was it? */
    public void answered(int generation, long version) {
        List<LedgerSignal.Change> seen = new ArrayList<>();
        synchronized (unseen) {
            for (Iterator<LedgerSignal.Change> it = unseen.iterator(); it.hasNext(); ) {
                LedgerSignal.Change change = it.next();
                if (change.generation() == generation && change.version() <= version) {
                    seen.add(change);
                    it.remove();
                }
            }
        }
        long now = System.currentTimeMillis();
        for (LedgerSignal.Change change : seen) {
            for (long recordedAt : change.recordedAtMillis()) {
                freshness.record(Duration.ofMillis(Math.max(0, now - recordedAt)));
            }
        }
    }

    private void listen() {
        int failures = 0;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + LedgerSignal.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                changes.incrementAndGet();
                if (failures > 0) {
                    LOG.info("Listening for ledger changes again; remembered answers are used again");
                    failures = 0;
                }
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications == null) {
                        continue;
                    }
                    changes.incrementAndGet();
                    for (PGNotification n : notifications) {
                        LedgerSignal.Change change = signal.read(n.getParameter());
                        if (change != null) {
                            synchronized (unseen) {
                                unseen.add(change);
                                if (unseen.size() > 10_000) {
                                    unseen.remove(0);
                                }
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                changes.incrementAndGet();
                if (failures++ == 0 && running) {
                    LOG.warnf("Not listening for ledger changes (%s); every KPI question is computed afresh until it "
                            + "reconnects", e.getMessage());
                }
                try {
                    Thread.sleep(Math.min(10_000, 500L * failures));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
