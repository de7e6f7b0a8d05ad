package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.Article;
import despatch.article.ArticleParser;
import despatch.render.ArticleRenderer;
import despatch.render.RenderedArticle;
import despatch.common.EmailAddress;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.TokenCheck;
import despatch.subscription.TokenPurpose;
import despatch.subscription.TokenSigner;
import despatch.testing.TestOffice;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MessageBuilderTest {
    private final TokenSigner signer = new TokenSigner("a test secret that is long enough to sign".getBytes(StandardCharsets.UTF_8),
            TestOffice.clock());
    private final SubscriptionLinks links = new SubscriptionLinks("https://api.example.org.uk", signer);

    private RenderedArticle rendered() throws Exception {
        Article article = new ArticleParser(TestOffice.office(), TestOffice.clock()).parse("bus.md", """
                ---
                title: Bus route 42 saved & extended
                lists: [newsletter]
                ---
                The county council has reversed its decision. Siân said: “Wonderful.”
                """.getBytes(StandardCharsets.UTF_8)).article();
        return new ArticleRenderer(TestOffice.office(), TestOffice.clock()).render(article);
    }

    private MessageBuilder builder(String mailbox) throws Exception {
        RenderedArticle email = rendered();
        return new MessageBuilder("c-123", email.subject(), new EmailTemplate(email.emailHtml(), email.emailText()), links, mailbox);
    }

    @Test
    void eachRecipientGetsTheirOwnWorkingUnsubscribeLinkInBothPartsAndTheHeaders() throws Exception {
        MessageBuilder builder = builder("unsubscribe@news.example.org.uk");
        CampaignMessage jane = builder.build(new Recipient("sub-jane", EmailAddress.parse("jane@example.org")));
        CampaignMessage sam = builder.build(new Recipient("sub-sam", EmailAddress.parse("sam@example.org")));

        Document html = Jsoup.parse(jane.html());
        String link = html.select("a:containsOwn(Unsubscribe)").attr("href");
        assertTrue(link.startsWith("https://api.example.org.uk/unsubscribe?token="), link);
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
        assertEquals(new TokenCheck.Valid("sub-jane"), signer.check(TokenPurpose.UNSUBSCRIBE, token));
        assertTrue(jane.text().contains("Unsubscribe: " + link));
        assertEquals("<" + link + ">, <mailto:unsubscribe@news.example.org.uk?subject=unsubscribe>", jane.headers().get("List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", jane.headers().get("List-Unsubscribe-Post"));
        assertFalse(jane.html().contains("{{unsubscribe_url}}") || jane.text().contains("{{unsubscribe_url}}"));
        assertFalse(sam.html().contains(link), "no one gets someone else's link");
        assertEquals("c-123", jane.tags().get("campaign"));
        assertEquals("Bus route 42 saved & extended", jane.subject());
    }

    @Test
    void withoutAnUnsubscribeMailboxTheHeaderHasTheHttpsLinkOnly() throws Exception {
        CampaignMessage jane = builder("").build(new Recipient("sub-jane", EmailAddress.parse("jane@example.org")));
        assertTrue(jane.headers().get("List-Unsubscribe").matches("<https://[^>]+>"), jane.headers().get("List-Unsubscribe"));
    }

    @Test
    void anEmailWithoutThePlaceholderCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> new EmailTemplate("<p>no link</p>", "no link {{unsubscribe_url}}"));
    }
}
