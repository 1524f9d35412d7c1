// The place names and abolished agency names of a plan, found in one pass over its text: the
// residue and agency rules both read them, and on a large plan the pass is most of their cost.
import { OBSOLETE_NAMES } from './agencyDirectory';
import type { PlanModel } from './model';
import { nameScanners, type NameMatch } from './nameScan';
import { PLACE_FORMS } from './places';

export interface PlanNames {
  /** Written forms of places (苏州, 苏州市, 吴中区), as findPlaceMentions reads them. */
  places: NameMatch[];
  /** Abolished agency names without prefix (质监局), as findObsoleteMentions reads them. */
  obsolete: NameMatch[];
}

const scan = nameScanners([PLACE_FORMS, OBSOLETE_NAMES]);
const found = new WeakMap<PlanModel, { text: string; names: PlanNames }>();

/** The names in a plan's text, found once per model and text. */
export function planNames(model: PlanModel, text: string): PlanNames {
  const known = found.get(model);
  if (known && known.text === text) return known.names;
  const [places, obsolete] = scan(text);
  const names = { places, obsolete };
  found.set(model, { text, names });
  return names;
}
