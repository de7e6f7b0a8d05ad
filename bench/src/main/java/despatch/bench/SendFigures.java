package despatch.bench;

import despatch.sending.Campaign;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The measured side of a send run, printed: time, requests per function, service and operation, units, messages. */
record SendFigures(int recipients, double wallSeconds, List<FunctionRun> functions,
        ServiceRequestCounter.Snapshot pollers, long logBytes, Campaign campaign) {

    private double perThousand(double value) {
        return value * 1000 / recipients;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%nWall time, publish to both queues drained: %.1f s = %.2f s per 1,000 recipients (%.0f emails/s)%n",
                wallSeconds, perThousand(wallSeconds), recipients / wallSeconds);
        out.printf(Locale.ROOT, "  %-16s %10s %8s %10s %10s %10s %14s %14s%n", "function", "containers", "invokes", "wall s", "CPU s", "wait s",
                "ms/recipient", "longest/Timeout");
        for (FunctionRun run : functions) {
            HandlerTimer.Times t = run.times();
            out.printf(Locale.ROOT, "  %-16s %10d %,8d %10.2f %10.2f %10.2f %14.3f %8.1f/%3d s%s%n", run.function(), t.containers(),
                    t.invocations(), t.wallSeconds(),
                    t.cpuSeconds(), t.waitSeconds(), 1000 * t.wallSeconds() / recipients, t.longestSeconds(), run.timeoutSeconds(),
                    t.longestSeconds() > run.timeoutSeconds() ? "  ** Lambda would have timed out **" : "");
        }
        out.printf(Locale.ROOT, "  (wall: the invocations' own time; CPU: the invoking thread's; wait: the rest, mostly the emulators' answers;"
                + " containers: one handler per concurrent worker, built in %.2f s in all, not in these times)%n",
                functions.stream().mapToDouble(f -> f.times().initSeconds()).sum());

        out.printf(Locale.ROOT, "%nRequests by function, service and operation (per 1,000 recipients; WCU/RCU estimated from item sizes)%n");
        out.printf(Locale.ROOT, "  %-15s %-16s %-27s %9s %10s %5s %8s %9s %9s %8s %8s%n", "function", "service", "operation", "requests",
                "per 1,000", "4xx", "mean ms", "WCU", "RCU", "MB sent", "MB recv");
        for (FunctionRun run : functions) {
            for (DynamoDbRequestCounter.Operation op : run.dynamoDb().operations()) {
                out.printf(Locale.ROOT, "  %-15s %-16s %-27s %,9d %10.1f %,5d %8.2f %,9.0f %,9.1f %8.2f %8.2f%n", run.function(), "DynamoDB",
                        op.name(), op.requests(), perThousand(op.requests()), op.failed(), op.meanMillis(), op.writeUnits(), op.readUnits(),
                        op.requestBytes() / 1e6, op.responseBytes() / 1e6);
            }
            for (ServiceRequestCounter.Snapshot service : run.services()) {
                service.operations().forEach(op -> printOperation(out, run.function(), service.service(), op));
            }
        }
        pollers.operations().forEach(op -> printOperation(out, "(event source)", "SQS", op));

        out.printf(Locale.ROOT, "%nPer 1,000 recipients, by service (all three functions)%n");
        double dynamoRequests = functions.stream().mapToLong(f -> f.dynamoDb().total().requests()).sum();
        double wcu = functions.stream().mapToDouble(f -> f.dynamoDb().total().writeUnits()).sum();
        double rcu = functions.stream().mapToDouble(f -> f.dynamoDb().total().readUnits()).sum();
        out.printf(Locale.ROOT, "  DynamoDB          %,9.1f requests, %,8.1f write units, %,8.1f read units%n", perThousand(dynamoRequests),
                perThousand(wcu), perThousand(rcu));
        for (String service : List.of("S3", "SQS", "SES v2", "Secrets Manager")) {
            long requests = functions.stream().mapToLong(f -> f.service(service).total().requests()).sum();
            out.printf(Locale.ROOT, "  %-17s %,9.1f requests%s%n", service.equals("SQS") ? "SQS, handlers" : service, perThousand(requests),
                    service.equals("SQS") ? String.format(Locale.ROOT, " (%,.1f billed: 64 KB chunks)", perThousand(
                            functions.stream().mapToLong(f -> f.service("SQS").total().billedRequests()).sum())) : "");
        }
        ServiceRequestCounter.Operation receives = pollers.operation("ReceiveMessage");
        long pollerBilled = pollers.operations().stream().filter(op -> !op.name().equals("GetQueueAttributes"))
                .mapToLong(op -> op.billedRequests() - op.emptyReceives()).sum();
        out.printf(Locale.ROOT, "  SQS, pollers      %,9.1f requests billed per campaign (receives with messages, deletes); not counted:"
                + " %,d empty receives, %,d GetQueueAttributes (local drain checks)%n", perThousand(pollerBilled), receives.emptyReceives(),
                pollers.operation("GetQueueAttributes").requests());

        ServiceRequestCounter.Operation fanOutRequests = functions.stream().map(f -> f.service("SQS").operation("SendMessage"))
                .reduce(SendFigures::plus).orElseThrow();
        ServiceRequestCounter.Operation batches = functions.stream().map(f -> f.service("SQS").operation("SendMessageBatch"))
                .reduce(SendFigures::plus).orElseThrow();
        out.printf(Locale.ROOT, "%nSES: %,d emails accepted (SendEmail), %.1f per 1,000 recipients%n",
                functions.stream().mapToLong(f -> f.service("SES v2").operation("SendEmail").messages()).sum(),
                perThousand(functions.stream().mapToLong(f -> f.service("SES v2").operation("SendEmail").messages()).sum()));
        out.printf(Locale.ROOT, "SQS messages: %,d fan-out requests (SendMessage); %,d send batches in %,d SendMessageBatch calls,"
                        + " %,.0f bytes a message (%,.0f recipients each); %,d received by Lambda's pollers in %,d receives%n",
                fanOutRequests.messages(), batches.messages(), batches.requests(),
                batches.messages() == 0 ? 0.0 : (double) batches.payloadBytes() / batches.messages(),
                batches.messages() == 0 ? 0.0 : (double) recipients / batches.messages(),
                receives.messages(), receives.requests() - receives.emptyReceives());
        out.printf(Locale.ROOT, "Logs: the handlers wrote %,d bytes of JSON lines (%,.0f per 1,000 recipients)%n", logBytes, perThousand(logBytes));
    }

    private void printOperation(PrintStream out, String function, String service, ServiceRequestCounter.Operation op) {
        String detail = op.emptyReceives() > 0 ? op.name() + " (" + op.emptyReceives() + " empty)" : op.name();
        out.printf(Locale.ROOT, "  %-15s %-16s %-27s %,9d %10.1f %,5d %8.2f %9s %9s %8.2f %8.2f%n", function, service, detail, op.requests(),
                perThousand(op.requests()), op.failed(), op.meanMillis(), "", "", op.requestBytes() / 1e6, op.responseBytes() / 1e6);
    }

    private static ServiceRequestCounter.Operation plus(ServiceRequestCounter.Operation a, ServiceRequestCounter.Operation b) {
        return new ServiceRequestCounter.Operation(a.name(), a.requests() + b.requests(), a.failed() + b.failed(),
                a.wallMillis() + b.wallMillis(), a.requestBytes() + b.requestBytes(), a.responseBytes() + b.responseBytes(),
                a.billedRequests() + b.billedRequests(), a.messages() + b.messages(), a.payloadBytes() + b.payloadBytes(),
                a.emptyReceives() + b.emptyReceives());
    }
}
