package despatch.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps what would have been sent, and finds links in it as a person would: in the text part. */
public final class RecordingMailer implements Mailer {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private final List<OutgoingEmail> sent = new ArrayList<>();

    @Override
    public synchronized void send(OutgoingEmail email) {
        sent.add(email);
    }

    public synchronized List<OutgoingEmail> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<OutgoingEmail> sentTo(String address) {
        return sent.stream().filter(e -> e.to().forDelivery().equals(address)).toList();
    }

    public synchronized OutgoingEmail last() {
        return sent.get(sent.size() - 1);
    }

    /** The first link in the last email's text part whose path starts with {@code path}. */
    public synchronized String lastLink(String path) {
        Matcher matcher = LINK.matcher(last().text());
        while (matcher.find()) {
            if (matcher.group().contains(path + "?")) {
                return matcher.group();
            }
        }
        throw new AssertionError("No " + path + " link in: " + last().text());
    }

    /** The token query parameter of a link. */
    public static String token(String link) {
        String token = link.substring(link.indexOf("token=") + "token=".length());
        int end = token.indexOf('&');
        return java.net.URLDecoder.decode(end < 0 ? token : token.substring(0, end), java.nio.charset.StandardCharsets.UTF_8);
    }
}
