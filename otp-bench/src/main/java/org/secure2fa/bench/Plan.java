package org.secure2fa.bench;

import java.util.List;

/**
 * The timeline of one load phase, in whole seconds from its start: the measured windows, each after
 * a warm-up (the time since the phase started or the previous window ended).
 */
record Plan(List<Window> windows) {

    /** A measured span of the phase, reported as one row named {@code target}. */
    record Window(String target, int from, int until) {
    }

    /** The usual phase: {@code warmup} seconds, then a window of {@code duration} seconds. */
    static Plan of(String target, int warmup, int duration) {
        return new Plan(List.of(new Window(target, warmup, warmup + duration)));
    }

    int seconds() {
        return windows.get(windows.size() - 1).until();
    }
}
