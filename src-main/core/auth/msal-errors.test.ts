import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { silentFailure, TokenError } from './msal-errors.js';

describe('silent token failures', () => {
  it('asks for a new sign-in only when the refresh token itself is gone', () => {
    const expired = silentFailure(new InteractionRequiredAuthError('invalid_grant', '', 'AADSTS700082: The refresh token has expired due to inactivity.', 'bad_token'), 'Token for Microsoft Graph');
    expect(expired).toMatchObject({ code: 'not_signed_in', transient: false });
    expect(expired.message).toMatch(/sign in again .*AADSTS700082/);
  });

  it('keeps a missing consent as a per-resource failure with the AADSTS text', () => {
    const consent = silentFailure(new InteractionRequiredAuthError('invalid_grant', '', 'AADSTS65001: The user or administrator has not consented to use the application.'), 'Token for Office 365 Management Activity API');
    expect(consent).toMatchObject({ code: 'sign_in_failed', transient: false });
    expect(consent.message).toContain('AADSTS65001');
    expect(silentFailure(new ServerError('invalid_client', '', 'AADSTS7000112: Application is disabled.'), 'x').code).toBe('sign_in_failed');
  });

  it('marks a failure without an answer as transient, keeping its cause', () => {
    const lost = silentFailure(new AuthError('network_error', '', 'https://login.example/token: socket hang up'), 'Token for Azure Resource Manager');
    expect(lost).toBeInstanceOf(TokenError);
    expect(lost).toMatchObject({ code: 'sign_in_failed', transient: true });
    expect(lost.message).toContain('socket hang up');
  });
});
