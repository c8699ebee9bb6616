import { z } from "zod";
import { HBM_GENERATIONS } from "./hbmGenerations.js";

export const hbmGenerationSchema = z.enum(HBM_GENERATIONS);
