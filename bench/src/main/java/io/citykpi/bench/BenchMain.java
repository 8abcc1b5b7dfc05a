package io.citykpi.bench;

import io.citykpi.bench.generate.Generator;
import io.citykpi.bench.generate.Sample;
import io.citykpi.bench.measure.Freshness;
import io.citykpi.bench.measure.Ingest;
import io.citykpi.bench.measure.PlainConsumer;
import io.citykpi.bench.measure.Reads;
import io.citykpi.bench.measure.Rebuild;
import io.citykpi.bench.measure.Targets;
import io.citykpi.bench.report.Figures;
import io.citykpi.bench.report.Report;
import java.nio.file.Path;

/**
 * The harness's steps, one per command, each recording its figures in the run's figures file
 * ({@code --figures}); bench/run.sh runs them in order against a stack it started.
 *
 * <pre>java -cp ... io.citykpi.bench.BenchMain &lt;command&gt; [--option=value ...]
 *   sample      print a few generated events as they go onto the topics (no Kafka needed)
 *   generate    write a city's history onto the domain topics (--facts 1M --seed 1 --years 5)
 *   targets     set a year's targets for every year of history through the gateway's API
 *   consume     baseline: a plain consumer reads the domain topics from the beginning
 *   ingest      watch the gateway catch up with the topics: events applied per second
 *   reads       wrk against the KPI endpoints and /q/health/live (repeated, during writes, distinct knownAt)
 *   freshness   writes through the domain APIs at 50 and 500/s until the KPI answer shows them, vs Kafka
 *   rebuild     rebuild the projection from the topics: events per second
 *   rss         the gateway's resident memory now (also taken by ingest, reads and rebuild)
 *   report      print the table and write bench/results/&lt;date&gt;-&lt;size&gt;.md
 *   fact        note a fact about the run (--name, --value), e.g. the load average at the start
 *   carry       take what a run's figures file (--from) says about the generated history into this one</pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchMain sample|generate|targets|consume|ingest|reads|freshness|rebuild|rss|report|fact|carry [--option=value ...]");
            System.exit(2);
        }
        Settings settings = Settings.parse(args, 1);
        Figures figures = Figures.open(Path.of(settings.text("figures", "bench/target/figures.json")));
        try {
            switch (args[0]) {
                case "sample" -> Sample.run(settings);
                case "generate" -> Generator.run(settings, figures);
                case "targets" -> Targets.run(settings, figures);
                case "consume" -> PlainConsumer.run(settings, figures);
                case "ingest" -> Ingest.run(settings, figures);
                case "reads" -> Reads.run(settings, figures);
                case "freshness" -> Freshness.run(settings, figures);
                case "rebuild" -> Rebuild.run(settings, figures);
                case "rss" -> Gateway.recordRss(settings, figures, settings.text("when", "now"));
                case "report" -> Report.run(settings, figures);
                case "fact" -> figures.fact(settings.required("name"), settings.required("value"));
                case "carry" -> figures.carryHistoryFrom(Figures.open(Path.of(settings.required("from"))));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            Log.info("%s failed: %s", args[0], e.getMessage());
            if (e.getCause() != null) {
                e.printStackTrace();
            }
            System.exit(1);
        }
        System.exit(0);
    }
}
