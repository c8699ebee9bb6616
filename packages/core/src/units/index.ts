export { parseQuantity, acceptsBareNumber, assertKnownUnit, describeFound, DIMENSIONLESS, type QuantityParse } from "./quantity.js";
export { COUNT_UNITS } from "./mathUnits.js";
export { MAX_QUANTITY_LENGTH } from "./quantityText.js";
