package org.secure2fa.bench;

/** CPU time the server and PostgreSQL spent in one measured window, in milliseconds; NaN where unknown. */
record CpuUse(double serverMillis, double postgresMillis) {

    static final CpuUse UNKNOWN = new CpuUse(Double.NaN, Double.NaN);

    static double perRequest(double millis, long requests) {
        return requests > 0 ? millis / requests : Double.NaN;
    }
}
