'use strict';
// The local stack's OpenID provider: oidc-provider (OpenID Certified) with a sign-in page of its own,
// playing the part Amazon Cognito's managed login plays in AWS. Staff accounts, the console's client
// and the signing keys all come from the JVM that starts it; nothing here is a default to copy.
//
// node provider.cjs --host 127.0.0.1 --port N, with in the environment:
//   OIDC_ACCOUNTS       JSON array of {"email", "password", "name", "groups": [...]}
//   OIDC_CLIENT_ID      the console's client id
//   OIDC_CLIENT_SECRET  its secret (client_secret_basic)
//   OIDC_REDIRECT_URIS  comma-separated; loopback addresses, any port (RFC 8252, a native client here)
//   OIDC_COOKIE_KEY     the key the provider signs its own cookies with

const http = require('node:http');
const crypto = require('node:crypto');
const { parseArgs } = require('node:util');

// Started as `node -e <wrapper> provider.cjs --host … --port …`, so the script's own path comes first.
const { values: args } = parseArgs({ options: { host: { type: 'string' }, port: { type: 'string' } }, allowPositionals: true });
const issuer = `http://${args.host}:${args.port}`;

const accounts = JSON.parse(process.env.OIDC_ACCOUNTS).map((account) => ({
  ...account,
  // Subjects stable per address, as Cognito's are per user.
  sub: crypto.createHash('sha256').update(account.email).digest('hex').slice(0, 32),
}));

function digest(text) {
  return crypto.createHash('sha256').update(String(text)).digest();
}

/** The account whose address and password both match, compared in constant time. */
function signIn(email, password) {
  let found;
  for (const account of accounts) {
    const sameEmail = crypto.timingSafeEqual(digest(account.email.toLowerCase()), digest(String(email).trim().toLowerCase()));
    const samePassword = crypto.timingSafeEqual(digest(account.password), digest(password));
    if (sameEmail && samePassword) found = account;
  }
  return found;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function signInPage(uid, message) {
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in – local identity provider</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem}label{display:block;font-weight:700;margin-top:1rem}
input{width:100%;padding:.5rem;font:inherit}button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit}.error{color:#b00020;font-weight:700}</style></head>
<body><main><h1>Sign in</h1><p>Local stand-in for the office's sign-in (Amazon Cognito in AWS).</p>
${message ? `<p class="error" role="alert" id="sign-in-error">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">Email address</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form></main></body></html>`;
}

/** The grant of the scopes the console asks for, as the office's own client: what Cognito's app client allows. */
async function officeGrant(provider, details) {
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  const missing = details.prompt.details.missingOIDCScope;
  if (missing) grant.addOIDCScope(missing.join(' '));
  const claims = details.prompt.details.missingOIDCClaims;
  if (claims) grant.addOIDCClaims(claims);
  return grant.save();
}

/** oidc-provider's form (action and xsrf) with our own page and buttons around it. */
async function signOutPage(ctx, form) {
  ctx.body = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign out – local identity provider</title></head>
<body><main><h1>Sign out</h1><p>Sign out of the office's sign-in as well as the console?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button></main></body></html>`;
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 10_000) {
        reject(new Error('form too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

async function main() {
  const { default: Provider } = await import('oidc-provider');
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [{
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      application_type: 'native',
      redirect_uris: process.env.OIDC_REDIRECT_URIS.split(','),
      post_logout_redirect_uris: (process.env.OIDC_POST_LOGOUT_REDIRECT_URIS || '').split(',').filter(Boolean),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys: [jwk] },
    cookies: { keys: [process.env.OIDC_COOKIE_KEY] },
    // The claims Cognito puts in its ID tokens: groups, and the address.
    claims: { openid: ['sub', 'cognito:groups'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      // Signing out of the console ends the session here too, after asking, as Cognito's /logout does.
      rpInitiatedLogout: { enabled: true, logoutSource: signOutPage },
    },
    ttl: { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(ctx, sub) {
      const account = accounts.find((candidate) => candidate.sub === sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: true, name: account.name, 'cognito:groups': account.groups };
        },
      };
    },
  });
  const callback = provider.callback();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, issuer);
    const match = url.pathname.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== match[1]) throw new Error('interaction mismatch');
      if (details.prompt.name === 'consent') {
        // oidc-provider asks a native client's user to consent every time; the office consents for its staff.
        return provider.interactionFinished(req, res, { consent: { grantId: await officeGrant(provider, details) } },
          { mergeWithLastSubmission: true });
      }
      if (!match[2] && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        return res.end(signInPage(details.uid));
      }
      if (match[2] && req.method === 'POST') {
        const form = await readForm(req);
        const account = signIn(form.get('email') || '', form.get('password') || '');
        if (!account) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          return res.end(signInPage(details.uid, 'That email address and password do not match an account.'));
        }
        return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      }
      res.writeHead(405, { allow: match[2] ? 'POST' : 'GET' });
      return res.end();
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end(`This sign-in has expired or is not valid (${error.message}). Start again from the console.`);
    }
  });
  server.listen(Number(args.port), args.host, () => console.log(`oidc-provider listening on ${issuer}`));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
