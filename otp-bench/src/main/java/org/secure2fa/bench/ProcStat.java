package org.secure2fa.bench;

/**
 * The CPU fields of a {@code /proc/<pid>/stat} line, in clock ticks (proc(5)): fields 14 and 15 the
 * process's own user and system time, 16 and 17 those of its children it has waited for.
 */
record ProcStat(String comm, long utime, long stime, long cutime, long cstime) {

    /**
     * Parses a stat line. The command name (field 2) is in parentheses and may itself hold spaces and
     * parentheses, so the fields after it are counted from its last closing parenthesis.
     *
     * @throws IllegalArgumentException if the line is not a stat line
     */
    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("Not a /proc stat line: " + line);
        }
        String[] fields = line.substring(close + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        if (fields.length < 15) {
            throw new IllegalArgumentException("Too few fields in a /proc stat line: " + line);
        }
        try {
            return new ProcStat(line.substring(open + 1, close), Long.parseLong(fields[11]),
                    Long.parseLong(fields[12]), Long.parseLong(fields[13]), Long.parseLong(fields[14]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a /proc stat line: " + line, e);
        }
    }

    long ownTicks() {
        return utime + stime;
    }

    /** Its own time and its reaped children's: for the postmaster, every backend that has exited. */
    long ticksWithChildren() {
        return utime + stime + cutime + cstime;
    }
}
