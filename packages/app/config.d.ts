export interface Config {
  auth?: {
    portal?: {
      /**
       * The ways in the sign-in page offers, in order: `guest` (development
       * only), `oidc` (authentik), `breakglass` (admins, when authentik is
       * down; the backend must have auth.providers.breakglass too).
       * @visibility frontend
       */
      signInMethods?: Array<'guest' | 'oidc' | 'breakglass'>;
    };
  };
}
