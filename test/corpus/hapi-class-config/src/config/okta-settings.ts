export class OktaSettings {
  static readonly TENANT = 'acme';
  readonly orgUrl = `https://${OktaSettings.TENANT}.okta.com`;
  #partnerServer = 'aus9z8y7x6w5v4u3t2s1';
  audience: string;
  jwksUri: string;

  constructor() {
    this.audience = 'api://claims';
  }

  init() {
    this.jwksUri = `${this.orgUrl}/oauth2/v1/keys`;
  }

  get partnerIssuer() {
    return `${this.orgUrl}/oauth2/${this.#partnerServer}`;
  }
}

const settings = new OktaSettings();
settings.init();
export default settings;
