package dev.tusk.dashboard.application;

import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} points of one series (time in milliseconds, value), oldest first. */
public final class SeriesBuffer {
    /** One sampled point. */
    public record Point(long time, double value) {
    }

    private final long[] times;
    private final double[] values;
    private int next;
    private int size;

    public SeriesBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a series keeps at least one point");
        }
        times = new long[capacity];
        values = new double[capacity];
    }

    public void add(long time, double value) {
        times[next] = time;
        values[next] = value;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    /** The points sampled after {@code since} (milliseconds), oldest first. */
    public List<Point> after(long since) {
        List<Point> points = new ArrayList<>();
        int first = (next - size + times.length) % times.length;
        for (int i = 0; i < size; i++) {
            int at = (first + i) % times.length;
            if (times[at] > since) {
                points.add(new Point(times[at], values[at]));
            }
        }
        return points;
    }
}
