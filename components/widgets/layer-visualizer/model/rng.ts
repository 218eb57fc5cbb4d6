// Moved to ../../shared/rng (the overfitting widget uses it too); this re-export keeps older imports working.
export * from "../../shared/rng";
