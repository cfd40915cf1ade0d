#include "care/new_moon.hpp"

#include <cmath>
#include <numbers>

namespace hub::care {
namespace {

constexpr double kSynodicMonth = 29.530588861;
constexpr double kNewMoonZeroJde = 2451550.09766;
constexpr double kUnixEpochJd = 2440587.5;  // 1970-01-01 00:00 UTC
constexpr double kChinaOffsetDays = 8.0 / 24.0;

double Sin(double degrees) { return std::sin(degrees * std::numbers::pi / 180.0); }

// TT − UTC in seconds around `year` (Espenak and Meeus' polynomials; a minute off changes a new moon's day
// only when it falls within that minute of midnight).
double DeltaTSeconds(double year) {
  const double t = year - 2000;
  if (year >= 1986 && year < 2005) {
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t +
           0.00002373599 * t * t * t * t * t;
  }
  if (year >= 2005 && year < 2050) return 62.92 + 0.32217 * t + 0.005589 * t * t;
  const double u = (year - 1820) / 100;
  if (year >= 2050 && year < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - year);
  return -20 + 32 * u * u;
}

// The periodic terms of a new moon (Meeus, table 49.A), in days.
double PeriodicTerms(double k, double t) {
  const double e = 1 - 0.002516 * t - 0.0000074 * t * t;
  const double m = 2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t;
  const double mp =
      201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t * t * t - 0.000000058 * t * t * t * t;
  const double f =
      160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t * t * t + 0.000000011 * t * t * t * t;
  const double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t;
  return -0.40720 * Sin(mp) + 0.17241 * e * Sin(m) + 0.01608 * Sin(2 * mp) + 0.01039 * Sin(2 * f) +
         0.00739 * e * Sin(mp - m) - 0.00514 * e * Sin(mp + m) + 0.00208 * e * e * Sin(2 * m) -
         0.00111 * Sin(mp - 2 * f) - 0.00057 * Sin(mp + 2 * f) + 0.00056 * e * Sin(2 * mp + m) - 0.00042 * Sin(3 * mp) +
         0.00042 * e * Sin(m + 2 * f) + 0.00038 * e * Sin(m - 2 * f) - 0.00024 * e * Sin(2 * mp - m) -
         0.00017 * Sin(omega) - 0.00007 * Sin(mp + 2 * m) + 0.00004 * Sin(2 * mp - 2 * f) + 0.00004 * Sin(3 * m) +
         0.00003 * Sin(mp + m - 2 * f) + 0.00003 * Sin(2 * mp + 2 * f) - 0.00003 * Sin(mp + m + 2 * f) +
         0.00003 * Sin(mp - m + 2 * f) - 0.00002 * Sin(mp - m - 2 * f) - 0.00002 * Sin(3 * mp + m) +
         0.00002 * Sin(4 * mp);
}

// The planetary terms (Meeus, the additional corrections A1..A14), in days.
double PlanetaryTerms(double k, double t) {
  constexpr struct {
    double coefficient, base, per_k;
  } kTerms[] = {{0.000165, 251.88, 0.016321}, {0.000164, 251.83, 26.651886}, {0.000126, 349.42, 36.412478},
                {0.000110, 84.66, 18.206239}, {0.000062, 141.74, 53.303771}, {0.000060, 207.14, 2.453732},
                {0.000056, 154.84, 7.306860}, {0.000047, 34.52, 27.261239},  {0.000042, 207.19, 0.121824},
                {0.000040, 291.34, 1.844379}, {0.000037, 161.72, 24.198154}, {0.000035, 239.56, 25.513099},
                {0.000023, 331.55, 3.592518}};
  double sum = 0.000325 * Sin(299.77 + 0.107408 * k - 0.009173 * t * t);
  for (const auto& term : kTerms) sum += term.coefficient * Sin(term.base + term.per_k * k);
  return sum;
}

}  // namespace

double NewMoonJde(int k) {
  const double kd = k;
  const double t = kd / 1236.85;
  const double mean = kNewMoonZeroJde + kSynodicMonth * kd + 0.00015437 * t * t - 0.000000150 * t * t * t +
                      0.00000000073 * t * t * t * t;
  return mean + PeriodicTerms(kd, t) + PlanetaryTerms(kd, t);
}

std::chrono::sys_days ChinaNewMoonDay(std::chrono::sys_days near) {
  const double jd = kUnixEpochJd + static_cast<double>(near.time_since_epoch().count());
  const int k = static_cast<int>(std::lround((jd - kNewMoonZeroJde) / kSynodicMonth));
  const double jde = NewMoonJde(k);
  const double year = 2000 + (jde - 2451545.0) / 365.25;
  const double china_jd = jde - DeltaTSeconds(year) / 86400 + kChinaOffsetDays;
  return std::chrono::sys_days(std::chrono::days(static_cast<long>(std::floor(china_jd - kUnixEpochJd))));
}

}  // namespace hub::care
