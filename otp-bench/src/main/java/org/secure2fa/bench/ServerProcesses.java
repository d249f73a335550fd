package org.secure2fa.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the server's processes, for its CPU time: the java processes listening on its ports. */
final class ServerProcesses {

    /** What {@code ss -p} prints per socket: {@code users:(("java",pid=1234,fd=5))}. */
    private static final Pattern JAVA = Pattern.compile("\\(\"java\",pid=(\\d+),");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ServerProcesses() {
    }

    /** The java processes listening on {@code ports}; empty when there are none or ss is missing. */
    static List<Long> listeningOn(List<Integer> ports) throws InterruptedException {
        List<Long> pids = new ArrayList<>();
        for (int port : ports) {
            try {
                Command ss = Command.run(List.of("ss", "-ltnpH", "sport = :" + port), TIMEOUT);
                javaPids(ss.out()).stream().filter(pid -> !pids.contains(pid)).forEach(pids::add);
            } catch (Command.Failure e) {
                return List.of();
            }
        }
        return pids;
    }

    static List<Long> javaPids(String ssOutput) {
        List<Long> pids = new ArrayList<>();
        Matcher matcher = JAVA.matcher(ssOutput);
        while (matcher.find()) {
            long pid = Long.parseLong(matcher.group(1));
            if (!pids.contains(pid)) {
                pids.add(pid);
            }
        }
        return pids;
    }
}
