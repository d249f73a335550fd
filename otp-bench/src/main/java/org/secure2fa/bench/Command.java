package org.secure2fa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A program run to its end (pgbench, psql, ss), with what it printed. */
record Command(int exit, String out, String err) {

    /** Thrown when the program is not installed or did not finish in time; the message says which. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code command} with the driver's environment (PGPASSWORD reaches pgbench and psql that way).
     * Its output goes through files, so that neither stream can fill up and stall it.
     */
    static Command run(List<String> command, Duration timeout) throws Failure, InterruptedException {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("secure2fa-bench-", ".out");
            err = Files.createTempFile("secure2fa-bench-", ".err");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new Failure(command.get(0) + " is not installed (or not on the PATH)");
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new Failure(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Command(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failure("Could not run " + command.get(0) + ": " + e.getMessage());
        } finally {
            delete(out);
            delete(err);
        }
    }

    /** The first line of its error output, for a one-line message. */
    String firstErrorLine() {
        return err.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit status " + exit).trim();
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file left behind in the temporary directory.
            }
        }
    }
}
