package org.canopy.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.canopy.CanopyApplication;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the observation import of a deterministic CSV of a million rows (by default) into PostgreSQL or H2,
 * through the API as a client sends it, beside PostgreSQL's own {@code COPY} of the same rows into the same
 * table. Not a test (Surefire does not pick it up): run it with {@code bench/import-benchmark.sh}.
 * <p>
 * Arguments: {@code postgres|h2 [rows] [runs]}. The demo partnership's 3 areas are joined by benchmark
 * areas and the rows are 40 annual indicators x 125 areas x financial years from 1800-01 on, every one distinct
 * (a figure's period must fit its indicator's frequency, so the periods are years, as the demo's indicators are).
 */
public final class ImportBenchmark {

    static final int INDICATORS = 40;
    static final int AREAS = 125;
    static final int FIRST_YEAR = 1800;
    public static final String[] NARRATIVES = {
        "Referrals steady after the %d March review; %d of %d families seen within 5 working days.",
        "Rise linked to the new front door: %d contacts, %d passed to social care, %d closed with advice.",
        "Figure revised by the agency on %d Oct; %d%% of cases audited, %d found good.",
        // Enough digits for the NHS and phone number patterns to run, and a birth cue for the date of birth one.
        "Compared with 2019-20 and 2020-21: %d contacts against %d; babies born in the year: %d.",
        "",
    };

    private ImportBenchmark() {
    }

    /**
     * Runs the benchmark and prints one line per run and the medians; or, with {@code serve port rows}, starts
     * the demo on H2 at that port with {@code rows} generated observations imported, for the dashboard benchmark.
     */
    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "postgres";
        if (database.equals("serve")) {
            serve(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Arrays.copyOfRange(args, 3, args.length));
            return;
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Path.of("target", "bench");
        boolean postgres = database.equals("postgres");
        String schema = "canopy_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String pgUrl = System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        ConfigurableApplicationContext context = start(postgres ? pgUrl + "?currentSchema=" + schema : null, schema, 0);
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var jdbc = context.getBean(JdbcClient.class);
            var dataSource = context.getBean(DataSource.class);
            Path csv = dir.resolve("observations-" + rows + ".csv");
            Path copyCsv = dir.resolve("observations-" + rows + "-" + database + "-copy.csv");
            Path warmUp = dir.resolve("observations-warm-up.csv");
            generate(jdbc, rows, csv, copyCsv);
            generate(jdbc, Math.min(rows, 100_000), warmUp, dir.resolve("observations-warm-up-copy.csv"));
            System.out.printf(Locale.ROOT, "%s: %,d rows, %.1f MB CSV%n", database, rows, Files.size(csv) / 1e6);

            truncate(jdbc);
            time("warm-up import", 0, () -> post(port, warmUp));
            if (!postgres) {
                // CSVREAD's own code (H2's CSV reader) is warmed up too, or its first runs would pay for the JIT.
                truncate(jdbc);
                time("warm-up CSVREAD", 0, () -> csvRead(dataSource, dir.resolve("observations-warm-up-copy.csv")));
            }
            // Import and COPY alternate, so that a neighbour's load on a shared machine falls on both alike.
            String copyUrl = pgUrl + "?currentSchema=" + schema;
            List<Double> imports = new ArrayList<>();
            List<Double> copies = new ArrayList<>();
            List<Double> importCpu = new ArrayList<>();
            List<Double> csvReadCpu = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                truncate(jdbc);
                imports.add(time("import run " + run, rows, () -> post(port, csv)));
                importCpu.add(lastCpuRate);
                check(jdbc, rows);
                truncate(jdbc);
                if (postgres) {
                    copies.add(time("COPY run " + run, rows, () -> copy(copyUrl, copyCsv)));
                } else {
                    copies.add(time("CSVREAD run " + run, rows, () -> csvRead(dataSource, copyCsv)));
                    csvReadCpu.add(lastCpuRate);
                }
                check(jdbc, rows);
            }
            truncate(jdbc);
            post(port, csv);
            double replace = time("re-import onto the full table (every row replaced)", rows, () -> post(port, csv));
            check(jdbc, rows);
            System.out.printf(Locale.ROOT, "RESULT %s import median %,.0f rows/s (runs %s); replace %,.0f rows/s%n",
                    database, median(imports), imports.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList(),
                    replace);
            System.out.printf(Locale.ROOT, "RESULT %s %s median %,.0f rows/s (runs %s); import/%s = %.2f%n",
                    database, postgres ? "COPY" : "CSVREAD", median(copies),
                    copies.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList(),
                    postgres ? "COPY" : "CSVREAD", median(imports) / median(copies));
            var pairs = new ArrayList<Double>();
            for (int i = 0; i < imports.size(); i++) {
                pairs.add(imports.get(i) / copies.get(i));
            }
            System.out.printf(Locale.ROOT, "RESULT %s import/%s of each alternating pair %s; median %.2f%n", database,
                    postgres ? "COPY" : "CSVREAD", pairs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(),
                    median(pairs));
            if (!postgres) {
                System.out.printf(Locale.ROOT, "RESULT h2 per JVM CPU second: import median %,.0f rows/s, CSVREAD median %,.0f rows/s;"
                        + " import/CSVREAD = %.2f%n", median(importCpu), median(csvReadCpu), median(importCpu) / median(csvReadCpu));
            }
        } finally {
            context.close();
            if (postgres) {
                // The schema is this run's own.
                try (var c = DriverManager.getConnection(pgUrl, "postgres", ""); var s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    /**
     * Starts Canopy in demo mode on loopback: on PostgreSQL in a new schema when {@code postgresUrl} is given,
     * else on a new H2 file database under target/bench (port 0: any free port).
     */
    static ConfigurableApplicationContext start(String postgresUrl, String schema, int port, String... extra)
            throws IOException {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Map<String, Object> properties = new HashMap<>();
        properties.put("canopy.demo.enabled", "true");
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", Integer.toString(port));
        properties.put("logging.level.root", "WARN");
        if (postgresUrl != null) {
            properties.put("spring.datasource.url", postgresUrl);
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.create-schemas", "true");
        } else {
            Path h2 = dir.resolve("h2-" + port);
            deleteTree(h2);
            properties.put("spring.datasource.url", "jdbc:h2:file:./" + h2.resolve("canopy")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        // Command-line arguments, so that they win over application.properties.
        var args = new ArrayList<String>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(extra));
        return SpringApplication.run(CanopyApplication.class, args.toArray(String[]::new));
    }

    /**
     * The demo on H2 at {@code port} with {@code rows} generated observations, until the process is stopped;
     * {@code extra} are more Spring arguments ({@code --name=value}), for trying a setting.
     */
    static void serve(int port, int rows, String... extra) throws Exception {
        // -Dbench.database=postgres: serve from a schema of its own in PostgreSQL, dropped when the process stops.
        boolean postgres = "postgres".equals(System.getProperty("bench.database"));
        String schema = "canopy_serve_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String pgUrl = System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        var context = start(postgres ? pgUrl + "?currentSchema=" + schema : null, schema, port, extra);
        if (postgres) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    context.close();
                    try (var connection = java.sql.DriverManager.getConnection(pgUrl, "postgres", "");
                            var statement = connection.createStatement()) {
                        statement.execute("drop schema if exists " + schema + " cascade");
                    }
                } catch (Exception e) {
                    System.err.println("Could not drop the benchmark schema " + schema + ": " + e.getMessage());
                }
            }));
        }
        if (rows > 0) {
            Path csv = Path.of("target", "bench", "observations-serve-" + rows + ".csv");
            generate(context.getBean(JdbcClient.class), rows, csv, Path.of("target", "bench", "observations-serve-copy.csv"));
            post(port, csv);
        }
        System.out.println("READY on port " + port + " with " + rows + " generated observations on "
                + (postgres ? "PostgreSQL (schema " + schema + ")" : "H2"));
        Thread.currentThread().join();
    }

    interface Timed {
        void run() throws Exception;
    }

    /** Rows per second of this process's CPU time in the last timed run (every thread: HTTP, Java, H2, GC). */
    static double lastCpuRate;

    /**
     * Rows per second of one timed run (0 rows: just the time). Also prints the CPU time this JVM used meanwhile:
     * on H2 the import and CSVREAD both run in it, so that is a measure of their work that a neighbour's load on a
     * shared machine changes far less than the elapsed time (on PostgreSQL COPY's work is in the server).
     */
    static double time(String label, int rows, Timed work) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double rate = rows / seconds;
        lastCpuRate = rows / cpu;
        System.out.printf(Locale.ROOT, "%-55s %7.2f s %,12.0f rows/s   (JVM CPU %6.2f s)%n", label, seconds, rate, cpu);
        return rate;
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void truncate(JdbcClient jdbc) {
        jdbc.sql("truncate table observation").update();
    }

    static void check(JdbcClient jdbc, int rows) {
        long count = jdbc.sql("select count(*) from observation").query(Long.class).single();
        if (count != rows) {
            throw new IllegalStateException("Expected " + rows + " observations, found " + count);
        }
    }

    /** Posts the CSV to the API as the demo administrator, as a client script would. */
    static void post(int port, Path csv) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/observations"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Import answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(2000, response.body().length())));
        }
    }

    /** PostgreSQL's COPY FROM STDIN of the id-resolved file, as psql's \copy does it. */
    static void copy(String url, Path copyCsv) throws Exception {
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                Reader in = Files.newBufferedReader(copyCsv, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy observation (indicator_id, area_id, period, period_start, observed_value, narrative, recorded_by,
                                      recorded_at) from stdin (format csv, header true)""", in);
        }
    }

    /**
     * H2's own bulk path for the same rows: one {@code insert ... select ... from csvread(...)} of the id-resolved
     * file into the emptied table, on a connection of the application's own pool. The app runs H2 embedded in
     * this very process (a file database, no server), so this is the same database engine, the same file and the
     * same table with its indexes and foreign keys that the import writes to; H2 reads the file itself, as
     * PostgreSQL's COPY does, with no client parsing, validation or HTTP. One statement, committed as the import
     * commits once.
     */
    static void csvRead(DataSource dataSource, Path copyCsv) throws Exception {
        String file = copyCsv.toAbsolutePath().toString().replace("'", "''");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.executeUpdate("""
                    insert into observation (indicator_id, area_id, period, period_start, observed_value, narrative,
                                             recorded_by, recorded_at)
                    select cast(indicator_id as bigint), cast(area_id as bigint), period, cast(period_start as date),
                           cast(observed_value as numeric(18, 4)), nullif(narrative, ''), recorded_by,
                           cast(recorded_at as timestamp)
                    from csvread('""" + file + "', null, 'charset=UTF-8 caseSensitiveColumnNames=true')");
        }
    }

    /**
     * Writes the import CSV (codes and names) and the COPY-ready CSV (the ids the import resolves), adding the
     * benchmark areas first when they are missing. Deterministic: the same arguments give the same files.
     */
    static void generate(JdbcClient jdbc, int rows, Path csv, Path copyCsv) throws IOException {
        long partnership = jdbc.sql("select partnership_id from data_area where name = 'Tower Hamlets'")
                .query(Long.class).single();
        for (int a = 1; a <= AREAS - 3; a++) {
            String name = String.format("Benchmark area %03d", a);
            if (jdbc.sql("select count(*) from data_area where partnership_id = ? and name = ?").params(partnership, name)
                    .query(Integer.class).single() == 0) {
                jdbc.sql("insert into data_area (partnership_id, name, kind) values (?, ?, 'LOCAL_AUTHORITY')")
                        .params(partnership, name).update();
            }
        }
        List<Object[]> areas = jdbc.sql("select id, name from data_area where partnership_id = ? order by id")
                .param(partnership).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        List<Object[]> indicators = jdbc.sql("select id, code, unit from indicator where partnership_id = ? and frequency = 'ANNUAL' order by code")
                .param(partnership).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                .list().subList(0, INDICATORS);
        try (BufferedWriter out = Files.newBufferedWriter(csv); BufferedWriter copy = Files.newBufferedWriter(copyCsv)) {
            out.write("indicator,period,area,value,narrative\n");
            copy.write("indicator_id,area_id,period,period_start,observed_value,narrative,recorded_by,recorded_at\n");
            int written = 0;
            for (int year = FIRST_YEAR; written < rows; year++) {
                LocalDate start = LocalDate.of(year, 4, 1);
                String period = String.format(Locale.ROOT, "%d-%02d", year, (year + 1) % 100);
                for (int i = 0; i < indicators.size() && written < rows; i++) {
                    for (int a = 0; a < AREAS && written < rows; a++, written++) {
                        int h = (written * 7919 + 17) & 0x7fffffff;
                        String value = value((String) indicators.get(i)[2], h);
                        String narrative = String.format(Locale.ROOT, NARRATIVES[h % NARRATIVES.length], h % 28 + 1,
                                h % 90 + 3, h % 400 + 100);
                        String quoted = narrative.isEmpty() ? "" : "\"" + narrative + "\"";
                        out.write(indicators.get(i)[1] + "," + period + "," + areas.get(a)[1] + "," + value + "," + quoted
                                + "\n");
                        copy.write(indicators.get(i)[0] + "," + areas.get(a)[0] + "," + period + "," + start + "," + value
                                + "," + quoted + ",coordinator,2026-11-23 12:00:00\n");
                    }
                }
            }
        }
    }

    /** A value the indicator's unit allows: whole counts, percentages up to 100, rates with two decimals. */
    static String value(String unit, int h) {
        return switch (unit) {
            case "COUNT" -> Integer.toString(h % 5000);
            case "PERCENT" -> String.format(Locale.ROOT, "%.1f", (h % 1001) / 10.0);
            default -> String.format(Locale.ROOT, "%.2f", (h % 100_000) / 100.0);
        };
    }

    static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
