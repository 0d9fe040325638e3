package org.canopy.governance.boards;

import org.canopy.governance.Groups;
import org.canopy.governance.demo.DemoPart;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the report's "Strategic Boards and Partnerships linked to the THSCP", each with its remit in the report's
 * words, and the one priority it names as joint (All Age Exploitation, with the Safeguarding Adults Board). The report
 * records no referral, so none is stored.
 */
@Component
@Order(30)
class DemoBoards implements DemoPart {

    static final String ADULTS = "Safeguarding Adults Board";
    static final String JOINT_GROUP = "All Age Exploitation (joint with the Safeguarding Adults Board)";

    private final LinkedBoards boards;
    private final Groups groups;

    DemoBoards(LinkedBoards boards, Groups groups) {
        this.boards = boards;
        this.groups = groups;
    }

    @Override
    public void load(long p) {
        long adults = boards.addBoard(p, "demo", ADULTS, """
                The Tower Hamlets Safeguarding Adults Board is a statutory multi-agency board that is committed to \
                protecting an adult's right to live in safety, free from abuse and neglect. It has overall responsibility \
                for co-coordinating safeguarding adult matters and ensuring that partner agencies carry out safeguarding \
                adults work.""", null, 1);
        boards.addBoard(p, "demo", "Born Well Growing Well", """
                This partnership focused on topics such as SEND, Mental Health, Health Services, Children in Care and \
                Maternity and Early Years.""", null, 2);
        boards.addBoard(p, "demo", "Children and Families Partnership Board", """
                The Children and Families Partnership Board has delegated responsibility to lead on the partnership \
                decision making in relation to children, young people and families in Tower Hamlets. It sets the strategic \
                partnership direction for children and families' services through the Children and Families Strategy, \
                advocates for the voice and needs of local children, young people and families in strategic \
                decision-making, and agrees key policies and approaches that cut across services for children, young \
                people and families.""", """
                The report's heading names it the Children's and Families Partnership Board. A new Children's \
                Partnerships structure in Tower Hamlets was implemented to reduce duplication; the Tower Hamlets \
                Safeguarding Children Partnership remained the same. A new executive group 'Children and Families \
                Executive' brought together Born Well Growing Well and the Children and Families Partnership Board and a \
                group which sits under the structure is aimed at engagement with children, young people and families.""", 3);
        boards.addBoard(p, "demo", "Health and Wellbeing Board", """
                Having a Health and Wellbeing Board is a statutory requirement for local authorities. The board brings \
                together the NHS, the local authority and Health Watch to jointly plan how best to meet local health and \
                care needs, to improve the health and wellbeing of the local population, reduce health inequalities and \
                commission services accordingly.""", null, 4);
        boards.addBoard(p, "demo", "Community Safety Partnership Board", """
                The Community Safety Partnership Board is required by law to conduct and consult on an annual strategic \
                assessment of crime, disorder, anti-social behaviour, substance misuse and re-offending within the borough \
                and the findings are then used to produce the partnership's Community Safety Plan.""", null, 5);
        groups.byName(p, JOINT_GROUP).ifPresent(g -> boards.holdJointly(p, "demo", adults, g.id()));
    }
}
