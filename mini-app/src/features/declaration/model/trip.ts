import { toLocalInput } from "./dates";
import { emptyForm, type CheckpointSnapshot, type Direction, type PlaceForm, type TripForm } from "./form";

/** A checkpoint that checks one way only fixes the direction; "both" leaves it to the person. */
export function fixedDirection(checkpoint: Pick<CheckpointSnapshot, "direction">): Direction | "" {
  return checkpoint.direction === "both" ? "" : checkpoint.direction;
}

const nowhere = (): PlaceForm => ({ provinceCode: "", wardCode: "", wardName: "" });

/** Into the city ends in the checkpoint's province; out of it starts there. */
export function defaultPlaces(checkpoint: Pick<CheckpointSnapshot, "provinceCode">, direction: Direction): Pick<TripForm, "departure" | "destination"> {
  const city: PlaceForm = { ...nowhere(), provinceCode: checkpoint.provinceCode };
  return direction === "into" ? { departure: nowhere(), destination: city } : { departure: city, destination: nowhere() };
}

/**
 * Sets the direction. With no places yet, the city end is filled in; with places given for the
 * other direction they are turned round (last time Hải Phòng → Hà Nội into the city, this time
 * out of it: Hà Nội → Hải Phòng).
 */
export function chooseDirection(trip: TripForm, direction: Direction, checkpoint: Pick<CheckpointSnapshot, "provinceCode">): TripForm {
  let { departure, destination } = trip;
  if (!departure.provinceCode && !destination.provinceCode) {
    ({ departure, destination } = defaultPlaces(checkpoint, direction));
  } else if (trip.placesDirection !== "" && trip.placesDirection !== direction) {
    [departure, destination] = [destination, departure];
  }
  return { ...trip, direction, placesDirection: direction, departure, destination };
}

/** A first trip at `checkpoint`: the time now, the direction if the checkpoint fixes it. */
export function newTrip(checkpoint: CheckpointSnapshot, now: Date): TripForm {
  const trip: TripForm = { ...emptyForm().trip, travelAt: toLocalInput(now) };
  const fixed = fixedDirection(checkpoint);
  return fixed ? chooseDirection(trip, fixed, checkpoint) : trip;
}
