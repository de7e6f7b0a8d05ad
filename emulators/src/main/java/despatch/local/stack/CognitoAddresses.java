package despatch.local.stack;

import java.util.List;

/**
 * The addresses a template gives functions for its Cognito user pools, and what stands for each
 * in the local stack: a pool's issuer ({@code https://cognito-idp.<region>.amazonaws.com/<pool id>})
 * is the local identity provider's issuer, and an address on a pool's managed login domain (its
 * {@code /logout}) is blank, since the local provider's discovery document names its own.
 */
final class CognitoAddresses {
    private final List<String> issuers;
    private final List<String> signInDomains;

    CognitoAddresses(CloudFormationTemplate template) {
        StackIdentity stack = template.stack();
        this.issuers = template.resourcesOfType("AWS::Cognito::UserPool").stream()
                .map(pool -> "https://cognito-idp." + stack.region() + "." + stack.urlSuffix() + "/" + template.ref(pool.logicalId()))
                .toList();
        this.signInDomains = template.resourcesOfType("AWS::Cognito::UserPoolDomain").stream()
                .map(domain -> "https://" + template.ref(domain.logicalId()) + ".auth." + stack.region() + ".amazoncognito.com/")
                .toList();
    }

    /** Whether the value is one of the pools' addresses. */
    boolean names(String value) {
        return issuers.contains(value) || signInDomains.stream().anyMatch(value::startsWith);
    }

    String locally(String value, LocalIdentityProvider provider) {
        return issuers.contains(value) ? provider.issuer().toString() : "";
    }
}
