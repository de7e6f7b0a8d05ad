package despatch.console;

/** A member of staff as notices reach them: the provider's subject, their name, their address. */
public record StaffContact(String subject, String name, String email) {

    @Override
    public String toString() {
        return "StaffContact[" + subject + "]";
    }
}
