package despatch.article;

/** Word documents for tests outside this package, built with {@link Docx}. */
public final class DocxForTests {
    private DocxForTests() {
    }

    /** A titled document with one paragraph of text and one picture after it, stored as word/media/{@code name}. */
    public static byte[] withOnePicture(String alt, String name, byte[] picture) {
        String body = Docx.p("Teitl", Docx.r("Bus passengers in 2026")) + Docx.p(null, Docx.r("More people took the bus this year."))
                + Docx.p(null, Docx.picture("rIdPicture", alt, false));
        return new Docx(body).withPicture("rIdPicture", name, picture).bytes();
    }
}
