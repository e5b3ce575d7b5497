import { useParams } from "zmp-ui";
import { usePlatform } from "../../../platform";
import { CheckpointScreen, type CheckpointSlots } from "./checkpoint-screen";
import { PickerScreen } from "./picker-screen";

/** `/`: the checkpoint from the launch link (`?checkpoint=HN-PHAPVAN`), or the list without one. */
export function LandingRoute({ slots }: { slots?: CheckpointSlots }) {
  const checkpoint = usePlatform().getLaunchParams().checkpoint;
  return checkpoint ? <CheckpointScreen rawCheckpointId={checkpoint} slots={slots} /> : <PickerScreen slots={slots} />;
}

/** `/checkpoints/:checkpointId`: a checkpoint picked or typed inside the app. */
export function CheckpointRoute({ slots }: { slots?: CheckpointSlots }) {
  const { checkpointId = "" } = useParams();
  // Keyed so that switching checkpoints starts from a clean screen.
  return <CheckpointScreen key={checkpointId} rawCheckpointId={checkpointId} slots={slots} />;
}

export type { CheckpointSlots };

export { PickerScreen as CheckpointPickerRoute } from "./picker-screen";
