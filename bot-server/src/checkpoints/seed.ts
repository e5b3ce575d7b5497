import type { CheckpointRecord } from "./repository";

/**
 * Demo data for development and the local preview: Hanoi's main gateways as used in 2021.
 * Ward codes are the post-July-2025 codes of the ward each gateway sits in; coordinates are
 * approximate. Production starts empty and admins register real checkpoints.
 */
export const HANOI_GATEWAYS: readonly CheckpointRecord[] = [
  {
    id: "HN-PHAPVAN", name: "Pháp Vân - Cầu Giẽ", provinceCode: "01", wardCode: "00337",
    address: "Trạm thu phí Pháp Vân, cao tốc Pháp Vân - Cầu Giẽ", direction: "both",
    latitude: 20.9465, longitude: 105.8444, activeFrom: null, activeTo: null, notes: null,
  },
  {
    id: "HN-BACTHANGLONG", name: "Bắc Thăng Long - Nội Bài", provinceCode: "01", wardCode: "00433",
    address: "Đại lộ Võ Nguyên Giáp, hướng sân bay Nội Bài", direction: "both",
    latitude: 21.1483, longitude: 105.796, activeFrom: null, activeTo: null, notes: null,
  },
  {
    id: "HN-THANHTRI", name: "Cầu Thanh Trì", provinceCode: "01", wardCode: "00328",
    address: "Chân cầu Thanh Trì, đường Vành đai 3", direction: "both",
    latitude: 20.9978, longitude: 105.8893, activeFrom: null, activeTo: null, notes: null,
  },
  {
    id: "HN-BALA", name: "Quốc lộ 6 - Ba La", provinceCode: "01", wardCode: "09556",
    address: "Ngã ba Ba La, Quốc lộ 6", direction: "into",
    latitude: 20.958, longitude: 105.761, activeFrom: null, activeTo: null, notes: null,
  },
  {
    id: "HN-NHON", name: "Quốc lộ 32 - Nhổn", provinceCode: "01", wardCode: "00622",
    address: "Cầu Diễn - Nhổn, Quốc lộ 32", direction: "into",
    latitude: 21.044, longitude: 105.739, activeFrom: null, activeTo: null, notes: null,
  },
];
