import { AppError } from "../../http/errors";

/**
 * Staff asked to send again declarations whose personal data the retention job (or a citizen's
 * deletion request) already blanked: there is nothing left to send, and the worker could not
 * open them. 409, nothing is moved; one field issue per such declaration, at its index in the
 * request (`declarationIds.<i>`), so the console can tell which ones to unselect.
 */
export class PersonalDataPurgedError extends AppError {
  constructor(
    readonly declarationIds: readonly string[],
    requested: readonly string[] = declarationIds,
  ) {
    super("forwarding.personal_data_purged", 409, {
      params: { count: declarationIds.length },
      fields: declarationIds.map((id) => ({ path: `declarationIds.${requested.indexOf(id)}`, code: "forwarding.declaration_purged" })),
    });
    this.name = "PersonalDataPurgedError";
  }
}
