import { date, duration, fraction, quantity } from "../../schema/param.js";
import { section } from "../../schema/object.js";

export const lithographySchema = section({
  duv: section({
    scannersAtStart: quantity("tool", "Foreign ArF immersion scanners working on China's advanced-node (7nm-class and below) lines at 2024Q1."),
    deliveriesPerYear: quantity(
      "tool/year",
      "Foreign ArF immersion scanners that would reach advanced-node lines per year with no controls; us-duv-controls blocks its strength's share.",
    ),
    wafersPerHour: quantity("wafer/hour", "Effective throughput of one scanner in wafer exposures per hour, after alignment, field count and idle time."),
    uptime: fraction("Share of hours a scanner is available for production with foreign servicing."),
    servicingUptimeLoss: fraction("Share of uptime lost when foreign servicing is fully withdrawn (us-duv-servicing at strength 1)."),
    servicingAttritionPerYear: fraction("Share of foreign scanners lost per year for want of parts and service under a full servicing ban."),
  }).describe("Foreign ArF immersion (DUV) scanners on advanced-node lines."),
  smee: section({
    firstTools: date("When domestic (SMEE) immersion scanners first enter volume fabs."),
    toolsPerYear: quantity("tool/year", "Domestic immersion scanners delivered per year once production has ramped."),
    rampTime: duration("Time from the first tools to the full delivery rate."),
    advancedNodeEffectiveness: fraction(
      "How much of a foreign scanner's advanced-node work one domestic scanner can take over (it resolves 28nm-class layers, so only non-critical ones).",
    ),
  }).describe("Domestic (SMEE) immersion scanners."),
  domesticEuv: section({
    readyYear: date("When the domestic EUV tool becomes production-worthy: its light source passes the required power."),
    prototypePower: quantity("W", "Source power of the domestic EUV prototype in late 2025 (2025Q4)."),
    requiredPower: quantity("W", "Source power at which an EUV tool is production-worthy."),
    maxPower: quantity("W", "Source power the domestic tools eventually reach."),
    wafersPerHourPerWatt: quantity("wafer/hour/W", "Throughput gained per watt of source power (throughput scales with power up to the stage limit)."),
    maxWafersPerHour: quantity("wafer/hour", "Stage-limited maximum throughput of a domestic EUV tool."),
    toolsPerYear: quantity("tool/year", "Production EUV tools built per year once the build rate has ramped."),
    rampTime: duration("Time from readiness to the full build rate."),
    uptime: fraction("Share of hours a domestic EUV tool is available for production."),
  }).describe("The domestic EUV tool: source power, readiness and build rate."),
  foreignEuv: section({
    deliveriesPerYear: quantity("tool/year", "Foreign EUV scanners that would reach China per year with no ban; us-euv-ban blocks its strength's share."),
    wafersPerHour: quantity("wafer/hour", "Effective throughput of one foreign EUV scanner."),
  }).describe("Foreign EUV scanners, which us-euv-ban blocks."),
});
