/**
 * Fresh demo credentials for one sandbox: random so that no two sandboxes share secrets, shaped like NetSuite's
 * (64-hex consumer keys and token ids), and an EC P-256 key pair for client credentials (fast to generate, and
 * one of the certificate types NetSuite accepts).
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

export interface TbaCredentialSet {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export interface OAuth2CodeCredentialSet {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface ClientCredentialsSet {
  clientId: string;
  certificateId: string;
  /** PKCS#8 PEM. */
  privateKeyPem: string;
}

export interface SandboxCredentials {
  tba: TbaCredentialSet;
  oauth2: OAuth2CodeCredentialSet;
  clientCredentials: ClientCredentialsSet;
}

/** The extension's own URI handler (`vscode://<publisher>.<name>/…`): a custom scheme, as NetSuite requires. */
export const defaultRedirectUri = 'vscode://suitelens.suitelens/oauth2/callback';

const generateKeyPairAsync = promisify(generateKeyPair);

function hex64(): string {
  return randomBytes(32).toString('hex');
}

export function newTbaToken(consumer: Pick<TbaCredentialSet, 'consumerKey' | 'consumerSecret'>): TbaCredentialSet {
  return { ...consumer, tokenId: hex64(), tokenSecret: hex64() };
}

export async function generateSandboxCredentials(redirectUri = defaultRedirectUri): Promise<SandboxCredentials> {
  const keyPair = await generateKeyPairAsync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    tba: newTbaToken({ consumerKey: hex64(), consumerSecret: hex64() }),
    oauth2: { clientId: hex64(), clientSecret: hex64(), redirectUri },
    clientCredentials: { clientId: hex64(), certificateId: randomBytes(24).toString('base64url'), privateKeyPem: keyPair.privateKey },
  };
}
