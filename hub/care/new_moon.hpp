// The day of a new moon in China, to the second (Meeus, Astronomical Algorithms, ch. 49): the first day of
// each month of the Chinese calendar, which ICU's ChineseCalendar approximates to within minutes only.
#ifndef HUB_CARE_NEW_MOON_HPP_
#define HUB_CARE_NEW_MOON_HPP_

#include <chrono>

namespace hub::care {

// The Julian Ephemeris Day (TT) of new moon number `k` (0: 6 January 2000; one per synodic month, negative
// before). Accurate to seconds for the centuries around 2000. Pure.
double NewMoonJde(int k);

// The civil date in China (UTC+8) of the new moon nearest to `near` (within half a synodic month). Pure.
std::chrono::sys_days ChinaNewMoonDay(std::chrono::sys_days near);

}  // namespace hub::care

#endif  // HUB_CARE_NEW_MOON_HPP_
