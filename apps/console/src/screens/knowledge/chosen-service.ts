import { sharedValue } from '../../app/shared-value';

/** The service the agent last opened in the knowledge panel: for the wrap-up's LeiKa key and the appointment handoff. */
export interface ChosenService {
  name: string;
  leikaKey?: string;
  /** The catalogue's own id of the service, which the appointment offices use too. */
  sourceId: string;
}

const chosen = sharedValue<ChosenService>();
export const chooseService = chosen.set;
export const useChosenService = chosen.use;

/** The region (ARS) of the case on screen: the knowledge panel describes services for it. */
const region = sharedValue<string>();
export const setCaseRegion = region.set;
export const useCaseRegion = region.use;
