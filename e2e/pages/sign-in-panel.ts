import type { Locator, Page } from '@playwright/test';

export interface DemoTarget {
  /** `https://127.0.0.1:PORT` of a running simulator. */
  address: string;
  /** Its CA certificate file, on the machine running Cirrus. */
  caPath: string;
}

/** The sign-in form and its waiting step (device code or browser), wherever it is shown. */
export class SignInPanel {
  readonly form: Locator;
  readonly deviceCode: Locator;
  readonly deviceCodeUrl: Locator;
  readonly expiry: Locator;
  readonly copyButton: Locator;
  readonly cancelButton: Locator;
  readonly tokenCache: Locator;
  /** The waiting step of a browser sign-in, shown until the core has the tokens. */
  readonly browserWaiting: Locator;

  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {
    this.form = root.getByRole('form', { name: 'Sign in' });
    this.deviceCode = root.getByTestId('device-code');
    this.deviceCodeUrl = root.getByTestId('device-code-url');
    this.expiry = root.getByTestId('device-code-expiry');
    this.copyButton = root.getByRole('button', { name: 'Copy code' });
    this.cancelButton = root.getByRole('button', { name: 'Cancel sign-in' });
    this.tokenCache = root.getByTestId('token-cache');
    this.browserWaiting = root.getByRole('heading', { name: 'Waiting for you to finish signing in in the browser…' });
  }

  cloud(name: string | RegExp): Locator {
    return this.form.getByRole('group', { name: 'Cloud' }).getByRole('radio', { name });
  }

  method(name: 'Sign in with browser' | 'Device code'): Locator {
    return this.form.getByRole('group', { name: 'Method' }).getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  field(label: string): Locator {
    return this.form.getByRole('textbox', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) });
  }

  /**
   * Starts a device-code sign-in to the demo tenant. The simulator's address is typed only when
   * the host did not start a simulator itself (then the form asks for it).
   */
  async startDemoDeviceCode(target: DemoTarget): Promise<void> {
    await this.cloud(/^Demo tenant \(simulated\)/).check();
    const address = this.field('Simulator address');
    if (await address.isVisible()) {
      await address.fill(target.address);
      await this.field('Simulator CA certificate file').fill(target.caPath);
    }
    await this.method('Device code').check();
    await this.form.getByRole('button', { name: 'Sign in' }).click();
  }

  /**
   * Starts a browser (loopback) sign-in to the demo tenant the host started itself (`--demo-tenant`),
   * so the form asks for no simulator address. The core prints the sign-in page's address.
   */
  async startHostDemoBrowserSignIn(): Promise<void> {
    await this.cloud(/^Demo tenant \(simulated\)/).check();
    await this.method('Sign in with browser').check();
    await this.form.getByRole('button', { name: 'Sign in' }).click();
  }
}
