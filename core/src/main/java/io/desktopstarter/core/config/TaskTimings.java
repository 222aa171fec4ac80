package io.desktopstarter.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How long a demo task runs and how often it fails. Defaults follow the design (3–10 s, 20 %);
 * tests and demos shorten them with {@code DESKTOP_STARTER_TASK_DURATION_MS=min-max} and
 * {@code DESKTOP_STARTER_TASK_FAILURE_RATE=0.0..1.0}.
 */
public record TaskTimings(Duration min, Duration max, double failureRate) {
    public static final String ENV_DURATION = "DESKTOP_STARTER_TASK_DURATION_MS";
    public static final String ENV_FAILURE_RATE = "DESKTOP_STARTER_TASK_FAILURE_RATE";
    public static final TaskTimings DEFAULT = new TaskTimings(Duration.ofSeconds(3), Duration.ofSeconds(10), 0.2);

    public TaskTimings {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new ConfigException("Task duration range must satisfy 0 <= min <= max");
        }
        if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
            throw new ConfigException(ENV_FAILURE_RATE + " must be between 0.0 and 1.0");
        }
    }

    public static TaskTimings fromEnvironment(Map<String, String> env) {
        TaskTimings result = DEFAULT;
        String range = env.get(ENV_DURATION);
        if (range != null && !range.isBlank()) {
            String[] parts = range.trim().split("-", 2);
            try {
                long lo = Long.parseLong(parts[0].trim());
                long hi = parts.length == 2 ? Long.parseLong(parts[1].trim()) : lo;
                result = new TaskTimings(Duration.ofMillis(lo), Duration.ofMillis(hi), result.failureRate);
            } catch (NumberFormatException e) {
                throw new ConfigException(ENV_DURATION + " must look like '3000-10000', not '" + range + "'");
            }
        }
        String rate = env.get(ENV_FAILURE_RATE);
        if (rate != null && !rate.isBlank()) {
            try {
                result = new TaskTimings(result.min, result.max, Double.parseDouble(rate.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException(ENV_FAILURE_RATE + " must be a number between 0.0 and 1.0");
            }
        }
        return result;
    }

    public Duration pickDuration(RandomGenerator random) {
        long span = max.toMillis() - min.toMillis();
        return min.plusMillis(span == 0 ? 0 : random.nextLong(span + 1));
    }

    public boolean pickFailure(RandomGenerator random) {
        return failureRate > 0 && random.nextDouble() < failureRate;
    }
}
