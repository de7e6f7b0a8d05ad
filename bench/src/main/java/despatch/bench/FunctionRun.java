package despatch.bench;

import java.util.List;

/**
 * What one function did during a send run: its invocations timed, and every request it made,
 * by service. {@code memoryMb} and {@code timeoutSeconds} are template.yaml's MemorySize (which Lambda
 * bills by) and Timeout for it.
 */
record FunctionRun(String function, int memoryMb, int timeoutSeconds, HandlerTimer.Times times, DynamoDbRequestCounter.Snapshot dynamoDb,
        List<ServiceRequestCounter.Snapshot> services) {

    static FunctionRun of(CountedClients clients, HandlerTimer timer, int memoryMb, int timeoutSeconds) {
        return new FunctionRun(clients.function.name(), memoryMb, timeoutSeconds, timer.times(), clients.dynamoDbCounter.snapshot(),
                clients.serviceCounters().stream().map(ServiceRequestCounter::snapshot).toList());
    }

    ServiceRequestCounter.Snapshot service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no counter for " + name));
    }

    double gigabytes() {
        return memoryMb / 1024.0;
    }
}
