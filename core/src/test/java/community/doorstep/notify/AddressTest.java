package community.doorstep.notify;

import community.doorstep.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressTest {

    @Test
    void phoneNumbersAreReadInOneFormWhateverTheGatewaySends() {
        assertThat(Address.phoneNumber("07700 900123")).isEqualTo("+447700900123");
        assertThat(Address.phoneNumber("+44 (0)7700-900123")).isEqualTo("+447700900123");
        assertThat(Address.phoneNumber("00447700900123")).isEqualTo("+447700900123");
        assertThat(Address.phoneNumber("+447700900123")).isEqualTo("+447700900123");
        assertThat(Address.phoneNumber("not a number")).isNull();
    }

    @Test
    void anSmsAddressKeepsTheNumberInOneFormAndNeverShowsIt() {
        Address address = Address.sms("07700 900123");

        assertThat(address.target()).isEqualTo("+447700900123");
        assertThat(address).hasToString("Address[channel=SMS]");
    }

    @Test
    void anSmsAddressThatIsNoNumberIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> Address.sms("call me 0770"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("address.target must be a phone number")
                .hasMessageNotContaining("call me");
    }
}
