package despatch.lambda.wiring;

import despatch.office.Office;
import java.time.Clock;

/**
 * What every factory builds from: one function's settings (the one place the environment is
 * read), the office they describe, the clock and the container's clients. Handlers get one from
 * {@link #fromEnvironment} in their no-argument constructors (once per container) and hand it to
 * the factories of the areas they use (publishing, sending, subscriptions, imports, site,
 * feedback); tests and the local runner pass their own settings and clients.
 */
public record Wiring(Settings settings, Office office, Clock clock, AwsClients aws) {

    public Wiring(Settings settings, Clock clock, AwsClients aws) {
        this(settings, settings.office(), clock, aws);
    }

    public static Wiring fromEnvironment(Setting.Function function) {
        Settings settings = Settings.from(System.getenv(), function);
        return new Wiring(settings, Clock.systemUTC(), AwsClients.fromEnvironment(settings));
    }
}
