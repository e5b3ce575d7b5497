/**
 * What the rest of the app uses of the vaccination wallet without loading its screens (they are
 * in `./routes`, lazy-loaded by app.tsx with the certificate codec): the landing screen's entry,
 * the `?view=wallet` launch, and forgetting the saved certificates.
 */
export { VaccinationHomeEntry, WalletLaunch } from "./home-entry";
export { forgetWalletData } from "./forget";
