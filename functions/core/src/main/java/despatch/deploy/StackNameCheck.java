package despatch.deploy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a new stack's name must be for Despatch, checked before anything else is made: the buckets
 * are named after the stack ({@code <stack>-uploads-<account>}), and S3 takes only lower-case
 * names of at most 63 characters; and a stack of the same name deleted before left its buckets and
 * named queues behind (they are kept, by design), which a new one cannot be made beside. Either
 * way the answer says what to do, where otherwise the deployment would fail halfway with S3's or
 * SQS's own message.
 */
public final class StackNameCheck {
    /** 63, less "-uploads-" and a 12-digit account id. */
    public static final int MAX_LENGTH = 42;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");
    /** Words Cognito refuses in a hosted sign-in domain's prefix, which is the stack's name and account. */
    private static final List<String> RESERVED = List.of("aws", "amazon", "cognito");

    /** Who holds a name already. */
    public enum Holder {
        /** Nobody: the stack may make it. */
        NOBODY,
        /** This very stack (an update that adds the check to a stack made before it). */
        THIS_STACK,
        /** An earlier stack of the same name, another region's, or another account (bucket names are global). */
        SOMEONE_ELSE
    }

    /** What is already in the account, or for a bucket anywhere in S3, and whether it is this stack's (by CloudFormation's own stack-id tag). */
    public interface Existing {
        Holder bucket(String name, String stackId);

        Holder queue(String name, String stackId);
    }

    private final Existing existing;

    public StackNameCheck(Existing existing) {
        this.existing = existing;
    }

    /** @return why a stack of this name (and id) cannot be made, or empty */
    public Optional<String> problem(String stackName, String stackId, List<String> buckets, List<String> queues) {
        Optional<String> name = problemWithName(stackName);
        if (name.isPresent()) {
            return name;
        }
        List<String> left = new java.util.ArrayList<>(buckets.stream()
                .filter(bucket -> existing.bucket(bucket, stackId) == Holder.SOMEONE_ELSE).toList());
        left.addAll(queues.stream().filter(queue -> existing.queue(queue, stackId) == Holder.SOMEONE_ELSE).toList());
        if (left.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("A stack named '" + stackName + "' cannot be made here: " + String.join(", ", left) + " already exist. A Despatch"
                + " stack of this name deleted before keeps its buckets and queues (they hold subscribers, articles and failed events),"
                + " or another AWS account has taken a bucket name. Deploy under another stack name, or, once nothing in them is needed,"
                + " empty and delete them and deploy again (docs/deployment.md, \"What is kept when the stack goes\").");
    }

    /** @return why the name itself cannot name Despatch's buckets (and sign-in domain), or empty */
    public static Optional<String> problemWithName(String stackName) {
        String lower = stackName.toLowerCase(java.util.Locale.ROOT);
        if (NAME.matcher(stackName).matches() && !stackName.endsWith("-") && !stackName.contains("--")
                && RESERVED.stream().noneMatch(stackName::contains) && !stackName.startsWith("sthree-")) {
            return Optional.empty();
        }
        String suggestion = lower.replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-").replaceAll("^[^a-z]+|-+$", "");
        for (String reserved : RESERVED) {
            suggestion = suggestion.replace(reserved, "");
        }
        suggestion = suggestion.replaceFirst("^sthree-", "").replaceAll("-+", "-").replaceAll("^-+|-+$", "");
        suggestion = suggestion.length() > MAX_LENGTH ? suggestion.substring(0, MAX_LENGTH).replaceAll("-+$", "") : suggestion;
        String why = RESERVED.stream().anyMatch(lower::contains)
                ? "the staff console's sign-in domain is named after the stack, and Cognito refuses one containing "
                        + String.join(", ", RESERVED.stream().map(word -> "'" + word + "'").toList())
                : "Despatch names its buckets after the stack ('" + stackName + "-uploads-<account>'), and S3 takes only lower-case"
                        + " letters, digits and single hyphens, starting with a letter (and not 'sthree-'), so the stack's name may have at"
                        + " most " + MAX_LENGTH + " of them";
        return Optional.of("The stack name '" + stackName + "' cannot be used: " + why + ". Deploy again under a name such as '"
                + (suggestion.isEmpty() ? "despatch" : suggestion) + "'.");
    }
}
