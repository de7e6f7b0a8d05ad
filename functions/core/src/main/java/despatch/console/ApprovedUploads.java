package despatch.console;

/**
 * Sends an approved upload on its way again: in AWS, the upload is copied onto itself, and the
 * upload event that follows publishes it, now that its exact content has an approval.
 */
public interface ApprovedUploads {

    void publishAgain(String uploadKey, String approvedBy);
}
