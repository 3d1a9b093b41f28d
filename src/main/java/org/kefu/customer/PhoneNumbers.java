package org.kefu.customer;

/** The comparable form of a phone number: its digits, with a leading + kept. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    public static String digits(String phone) {
        StringBuilder sb = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c == '+' && sb.isEmpty()) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
