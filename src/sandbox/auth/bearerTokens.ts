/**
 * The sandbox's OAuth 2.0 grants: authorization codes, access tokens and refresh tokens. All are opaque random
 * strings (netsuite-wire.md §5a: treat NetSuite's JWT tokens as opaque) that expire by the sandbox clock, so a
 * test can make a token expire mid-run.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxPrincipal } from '../model/seams';

export interface AuthorizationCodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  principal: SandboxPrincipal;
  expiresAt: number;
  used: boolean;
  /** Tokens issued for this code, revoked if the code is ever presented again (RFC 6749 §4.1.2). */
  issuedTokens: string[];
}

export interface RefreshGrant {
  clientId: string;
  scopes: string[];
  principal: SandboxPrincipal;
  expiresAt: number;
  /** Tokens in the same chain, so a revocation takes the whole chain. */
  chain: string[];
}

interface AccessGrant {
  principal: SandboxPrincipal;
  scopes: string[];
  expiresAt: number;
}

export type AccessTokenLookup = { ok: true; principal: SandboxPrincipal; scopes: string[] } | { ok: false; reason: 'AccessTokenExpired' | 'InvalidAccessToken' };

/** NetSuite's codes are short-lived; RFC 6749 §4.1.2 recommends at most 10 minutes. */
const authorizationCodeTtlMs = 2 * 60 * 1000;
const pruneEvery = 1000;

export function opaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export class BearerTokenStore {
  private readonly codes = new Map<string, AuthorizationCodeGrant>();
  private readonly accessTokens = new Map<string, AccessGrant>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private issuedSincePrune = 0;

  constructor(
    private readonly clock: () => number,
    private readonly accessTokenTtlSeconds: number,
    private readonly refreshTokenTtlSeconds: number,
  ) {}

  get accessTokenTtl(): number {
    return this.accessTokenTtlSeconds;
  }

  issueCode(grant: Omit<AuthorizationCodeGrant, 'expiresAt' | 'used' | 'issuedTokens'>): string {
    const code = opaqueToken();
    this.codes.set(code, { ...grant, expiresAt: this.clock() + authorizationCodeTtlMs, used: false, issuedTokens: [] });
    return code;
  }

  /** The code's grant, or undefined when it is unknown or expired. A used code is returned with `used: true`. */
  findCode(code: string): AuthorizationCodeGrant | undefined {
    const grant = this.codes.get(code);
    if (!grant) return undefined;
    if (grant.expiresAt <= this.clock()) {
      this.codes.delete(code);
      return undefined;
    }
    return grant;
  }

  /** A replayed code: the code and every token it produced stop working. */
  burnCode(code: string): void {
    const grant = this.codes.get(code);
    if (!grant) return;
    for (const token of grant.issuedTokens) this.revoke(token);
    this.codes.delete(code);
  }

  issueAccessToken(principal: SandboxPrincipal, scopes: string[]): string {
    this.issuedSincePrune += 1;
    if (this.issuedSincePrune >= pruneEvery) this.forgetExpired();
    const token = opaqueToken();
    this.accessTokens.set(token, { principal, scopes, expiresAt: this.clock() + this.accessTokenTtlSeconds * 1000 });
    return token;
  }

  issueRefreshToken(grant: Omit<RefreshGrant, 'expiresAt' | 'chain'>, chain: string[] = []): string {
    const token = opaqueToken();
    chain.push(token);
    this.refreshTokens.set(token, { ...grant, expiresAt: this.clock() + this.refreshTokenTtlSeconds * 1000, chain });
    return token;
  }

  findAccessToken(token: string): AccessTokenLookup {
    const grant = this.accessTokens.get(token);
    if (!grant) return { ok: false, reason: 'InvalidAccessToken' };
    if (grant.expiresAt <= this.clock()) return { ok: false, reason: 'AccessTokenExpired' };
    return { ok: true, principal: grant.principal, scopes: grant.scopes };
  }

  findRefreshToken(token: string): RefreshGrant | undefined {
    const grant = this.refreshTokens.get(token);
    if (!grant || grant.expiresAt <= this.clock()) return undefined;
    return grant;
  }

  /** Revokes one access or refresh token; a refresh token takes its whole rotation chain with it. */
  revoke(token: string): void {
    this.accessTokens.delete(token);
    const refresh = this.refreshTokens.get(token);
    if (refresh) for (const member of refresh.chain) this.refreshTokens.delete(member);
  }

  /** Rotation: the presented refresh token stops working, its chain lives on in the new one. */
  retireRefreshToken(token: string): void {
    this.refreshTokens.delete(token);
  }

  /** A long-running demo sandbox (or a client-credentials loop) must not keep every token it ever issued. */
  private forgetExpired(): void {
    this.issuedSincePrune = 0;
    const now = this.clock();
    for (const grants of [this.codes, this.accessTokens, this.refreshTokens] as Array<Map<string, { expiresAt: number }>>) {
      for (const [token, grant] of grants) if (grant.expiresAt <= now) grants.delete(token);
    }
  }

  revokeAll(): void {
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }
}
