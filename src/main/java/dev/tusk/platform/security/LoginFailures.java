package dev.tusk.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed logins counted per client address: after {@code maxFailures} failures within {@code
 * lockout}, that address (and only that one) is refused for {@code lockout}. The account itself is
 * never locked, so an anonymous client cannot lock the operator out. At most {@code maxTracked}
 * addresses are kept; past that, those whose failures are over are forgotten first.
 */
public final class LoginFailures {
    private final int maxFailures;
    private final long lockoutNanos;
    private final int maxTracked;
    private final LongSupplier nanoClock;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    /** Failures of one address since {@code since}; refused until {@code refusedUntil} once blocked. */
    private record Failures(int count, long since, long refusedUntil) {
    }

    public LoginFailures(int maxFailures, Duration lockout, int maxTracked, LongSupplier nanoClock) {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero() || maxTracked < 1) {
            throw new IllegalArgumentException("max failures and tracked addresses are at least 1, the lockout above 0");
        }
        this.maxFailures = maxFailures;
        this.lockoutNanos = lockout.toNanos();
        this.maxTracked = maxTracked;
        this.nanoClock = nanoClock;
    }

    /** How long {@code address} is still refused, if it is. */
    public Optional<Duration> refusedFor(String address) {
        Failures f = byAddress.get(address);
        long now = nanoClock.getAsLong();
        if (f == null || f.count < maxFailures || now - f.refusedUntil >= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(f.refusedUntil - now));
    }

    /**
     * Records a failed login from {@code address}.
     *
     * @return true when this failure starts the address's lockout
     */
    public boolean failed(String address) {
        long now = nanoClock.getAsLong();
        if (byAddress.size() >= maxTracked && !byAddress.containsKey(address)) {
            forgetExpired(now);
        }
        Failures after = byAddress.compute(address, (a, f) -> {
            if (f == null || expired(f, now)) {
                return new Failures(1, now, 0);
            }
            int count = f.count + 1;
            return new Failures(count, f.since, count == maxFailures ? now + lockoutNanos : f.refusedUntil);
        });
        return after.count == maxFailures;
    }

    /** A successful login: the address's failures are forgotten. */
    public void succeeded(String address) {
        byAddress.remove(address);
    }

    int tracked() {
        return byAddress.size();
    }

    private boolean expired(Failures f, long now) {
        return f.count >= maxFailures ? now - f.refusedUntil >= 0 : now - f.since >= lockoutNanos;
    }

    private void forgetExpired(long now) {
        byAddress.values().removeIf(f -> expired(f, now));
        if (byAddress.size() >= maxTracked) {
            // a flood of addresses: the oldest failures go, so memory stays bounded
            byAddress.entrySet().stream().filter(e -> e.getValue().count < maxFailures)
                    .min((x, y) -> Long.compare(x.getValue().since - y.getValue().since, 0))
                    .ifPresent(e -> byAddress.remove(e.getKey()));
        }
    }
}
